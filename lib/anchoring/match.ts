/**
 * Re-attaching saved anchors to a (possibly changed) article text: pure string
 * matching, no DOM (Hypothesis client style). Order of trust:
 *   1. the quote still stands at its old position with its old context;
 *   2. the exact quote elsewhere, choosing among repeats by prefix, suffix and
 *      position;
 *   3. an approximate match (approx-string-match), accepted only above a
 *      minimum score.
 * For political text a wrong place is worse than no place: a short quote whose
 * surroundings are all gone, or an edited quote without its context, stays
 * unplaced (未定位) rather than land on a look-alike sentence.
 */
import search from 'approx-string-match';
import { fold, foldText, type FoldedText } from './fold';
import type { PositionSelector, TextAnchor } from '../model/selectors';

/** How an anchor was placed. */
export type MatchMethod = 'position' | 'exact' | 'fuzzy';

/** A placed anchor. */
export interface AnchorMatch extends PositionSelector {
  /** Which step placed it. */
  method: MatchMethod;
  /** 0..1: how sure the match is (quote and context similarity). */
  score: number;
}

/**
 * An edited quote must keep at least this share of its characters: a sentence
 * changed by more than a fifth no longer says what the reader marked.
 */
export const MIN_FUZZY_QUOTE_SIMILARITY = 0.8;
/**
 * An edited quote is accepted only when quote and context together reach this
 * (half quote similarity, half context similarity): e.g. a quote 90 % intact
 * with one side of its context intact passes; 80 % with one side does not.
 */
export const MIN_FUZZY_SCORE = 0.75;
/**
 * An exact quote this long (folded characters) is its own evidence; a shorter
 * one (“五好”, “二是要加强”) repeats too easily and needs part of its context.
 */
export const SELF_EVIDENT_CHARS = 20;
/** The context similarity a short exact quote needs (one side mostly intact). */
export const MIN_EXACT_CONTEXT = 0.5;
/**
 * How far around the old position an edited quote is looked for first, in
 * folded characters: pages change locally, and searching a window is much
 * cheaper than the whole article.
 */
export const FUZZY_WINDOW_CHARS = 2_000;
/** Weight of closeness to the old position: a tie-breaker among equal matches only. */
const POSITION_WEIGHT = 0.01;

/** A text prepared once for placing many anchors in it. */
export interface PreparedText {
  /** The original text. */
  raw: string;
  /** Its folded form. */
  folded: FoldedText;
}

/** Folds `text` once, so anchoring many notes on one page costs one fold. */
export function prepareText(text: string): PreparedText {
  return { raw: text, folded: foldText(text) };
}

/** 1 − (edit distance / length of `expected`), never below 0. */
export function similarity(expected: string, actual: string): number {
  if (expected === actual) return 1;
  if (expected.length === 0) return 1;
  let previous = new Uint16Array(actual.length + 1).map((_, j) => j);
  let current = new Uint16Array(actual.length + 1);
  for (let i = 1; i <= expected.length; i++) {
    current[0] = i;
    for (let j = 1; j <= actual.length; j++) {
      const cost = expected[i - 1] === actual[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return Math.max(0, 1 - previous[actual.length]! / expected.length);
}

/** The saved anchor, folded. */
interface FoldedAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** The old start, in folded characters of the current text. */
  expected: number;
}

/**
 * How well the context around folded [start, end) matches the saved one: the
 * better side counts twice, so one intact side is 2/3; 1 when nothing was saved.
 */
function contextSimilarity(folded: string, anchor: FoldedAnchor, start: number, end: number): number {
  const sides: number[] = [];
  if (anchor.prefix) sides.push(similarity(anchor.prefix, folded.slice(Math.max(0, start - anchor.prefix.length), start)));
  if (anchor.suffix) sides.push(similarity(anchor.suffix, folded.slice(end, end + anchor.suffix.length)));
  if (sides.length === 0) return 1;
  if (sides.length === 1) return sides[0]!;
  const [a, b] = sides as [number, number];
  return (2 * Math.max(a, b) + Math.min(a, b)) / 3;
}

/** A candidate place in folded coordinates with its score. */
interface Candidate {
  start: number;
  end: number;
  score: number;
  rank: number;
}

function candidate(folded: string, anchor: FoldedAnchor, start: number, end: number, quoteSimilarity: number): Candidate {
  const context = contextSimilarity(folded, anchor, start, end);
  const score = (quoteSimilarity + context) / 2;
  const closeness = 1 - Math.abs(start - anchor.expected) / Math.max(1, folded.length);
  return { start, end, score, rank: score + POSITION_WEIGHT * closeness };
}

function best(candidates: Iterable<Candidate>): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.rank > top.rank) top = c;
  return top;
}

/** Every exact occurrence of the folded quote, scored; accepted when long or in context. */
function exactMatch(folded: string, anchor: FoldedAnchor): Candidate | null {
  const found: Candidate[] = [];
  for (let at = folded.indexOf(anchor.exact); at !== -1; at = folded.indexOf(anchor.exact, at + 1)) {
    found.push(candidate(folded, anchor, at, at + anchor.exact.length, 1));
  }
  const top = best(found);
  if (!top) return null;
  const context = 2 * top.score - 1;
  return anchor.exact.length >= SELF_EVIDENT_CHARS || context >= MIN_EXACT_CONTEXT ? top : null;
}

/** Approximate matches of the folded quote within folded [from, to), scored; the best above the thresholds. */
function fuzzyMatch(folded: string, anchor: FoldedAnchor, from: number, to: number): Candidate | null {
  const maxErrors = Math.floor(anchor.exact.length * (1 - MIN_FUZZY_QUOTE_SIMILARITY));
  if (maxErrors < 1) return null;
  const found = search(folded.slice(from, to), anchor.exact, maxErrors).map((m) =>
    candidate(folded, anchor, from + m.start, from + m.end, 1 - m.errors / anchor.exact.length),
  );
  return best(found.filter((c) => c.end > c.start && c.score >= MIN_FUZZY_SCORE));
}

/** Places `anchor` in a prepared text; null when it cannot be placed safely. */
export function matchPrepared(text: PreparedText, anchor: TextAnchor): AnchorMatch | null {
  const { raw, folded } = text;
  const { exact, prefix, suffix } = anchor.quote;
  const { start } = anchor.position;
  if (exact.length === 0) return null;

  // 1. Unchanged: the quote and its whole context where they were.
  const end = start + exact.length;
  if (
    raw.startsWith(exact, start) &&
    raw.slice(Math.max(0, start - prefix.length), start) === prefix &&
    raw.startsWith(suffix, end)
  ) {
    return { start, end, method: 'position', score: 1 };
  }

  const foldedAnchor: FoldedAnchor = {
    exact: fold(exact),
    prefix: fold(prefix),
    suffix: fold(suffix),
    expected: folded.before[Math.min(start, raw.length)] ?? 0,
  };
  if (foldedAnchor.exact.length === 0) return null;
  const toRaw = (c: Candidate, method: MatchMethod): AnchorMatch => ({
    start: folded.origin[c.start]!,
    end: folded.origin[c.end - 1]! + 1,
    method,
    score: c.score,
  });

  // 2. The exact quote (white space and punctuation width aside).
  const exactFound = exactMatch(folded.text, foldedAnchor);
  if (exactFound) return toRaw(exactFound, 'exact');

  // 3. An edited quote: near the old place first, then anywhere.
  const near = Math.max(0, foldedAnchor.expected - FUZZY_WINDOW_CHARS);
  const far = Math.min(folded.text.length, foldedAnchor.expected + foldedAnchor.exact.length + FUZZY_WINDOW_CHARS);
  const fuzzyFound =
    fuzzyMatch(folded.text, foldedAnchor, near, far) ??
    (near > 0 || far < folded.text.length ? fuzzyMatch(folded.text, foldedAnchor, 0, folded.text.length) : null);
  return fuzzyFound ? toRaw(fuzzyFound, 'fuzzy') : null;
}

/** Places one anchor in `text`. */
export function matchAnchor(text: string, anchor: TextAnchor): AnchorMatch | null {
  return matchPrepared(prepareText(text), anchor);
}

/** Places many anchors in one text (folding it once); null for each that cannot be placed. */
export function matchAll(text: string, anchors: readonly TextAnchor[]): (AnchorMatch | null)[] {
  // Folding the whole text costs milliseconds on a fresh page: not done for a page without notes.
  if (anchors.length === 0) return [];
  const prepared = prepareText(text);
  return anchors.map((anchor) => matchPrepared(prepared, anchor));
}
