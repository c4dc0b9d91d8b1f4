/**
 * Search terms for Chinese: written without spaces, so a text is indexed by its
 * character bigrams (基层党组织 → 基层 层党 党组 组织) and by each character it
 * holds (so that a one-character query is one term too, with its own
 * time-ordered postings, like a word). Latin letters and digits are indexed as
 * whole words. A query's terms are looked up and every candidate is then
 * checked for the whole folded query (lib/search/match.ts): terms only narrow
 * the search, they never decide it.
 */
import { normalizeForSearch } from './normalize';

/** A Han character (the CJK blocks Chinese policy texts use). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A latin letter or digit (after folding: ASCII). */
const WORD = /[a-z0-9]/;
/** Longest word indexed whole; longer runs (hashes, long numbers) are cut to this prefix. */
const MAX_WORD_CHARS = 24;

/** How a query is looked up in the index. */
export interface QueryTerms {
  /** Terms every matching text has, exactly. */
  exact: string[];
  /** Term prefixes every matching text has (latin words being typed). */
  prefixes: string[];
}

/** Splits folded text into runs of Han characters and runs of latin letters/digits. */
function runs(folded: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  let current: { han: boolean; text: string } | null = null;
  for (const char of folded) {
    const han = HAN.test(char);
    if (!han && !WORD.test(char)) {
      current = null;
      continue;
    }
    if (!current || current.han !== han) {
      current = { han, text: '' };
      out.push(current);
    }
    current.text += char;
  }
  return out;
}

/** The index terms of already folded text, each once. */
export function termsOfFolded(folded: string, into: Set<string> = new Set()): Set<string> {
  for (const run of runs(folded)) {
    if (!run.han) {
      into.add(run.text.slice(0, MAX_WORD_CHARS));
      continue;
    }
    for (let i = 0; i + 1 < run.text.length; i++) into.add(run.text.slice(i, i + 2));
    for (const char of run.text) into.add(char);
  }
  return into;
}

/** The index terms of `texts` (quote, note, tags…), each once. */
export function indexTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) termsOfFolded(normalizeForSearch(text), terms);
  return [...terms];
}

/**
 * How to look up a folded query: its bigrams, or for a one-character Han run
 * the character itself (all exact); latin words as prefixes, so a word being
 * typed already finds.
 */
export function queryTerms(folded: string): QueryTerms {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const run of runs(folded)) {
    if (!run.han) prefixes.add(run.text.slice(0, MAX_WORD_CHARS));
    else if (run.text.length === 1) exact.add(run.text);
    else for (let i = 0; i + 1 < run.text.length; i++) exact.add(run.text.slice(i, i + 2));
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}
