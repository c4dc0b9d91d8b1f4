/**
 * What the reader script records about a policy article it analysed (the
 * `recordAnalysis` message): the outline labels, the counts, and each
 * formulation with how often it occurs and a few sentences it stood in. Never
 * the article's text. Pure: the reader script passes the page's facts in.
 */
import type { Analysis } from '../analysis/types';
import { outlineFromAnalysis } from '../export/from-db';
import type { OutlineEntry } from '../export/types';
import { MAX_SENTENCES, MAX_SUMMARY_ENTRIES, MAX_SUMMARY_TEXT_CHARS } from '../protocol/limits';
import type { AnalysisRecord } from '../protocol/schema';

/** The page's facts besides the analysis. */
export interface PageFacts {
  /** Address, canonical link and title. */
  page: AnalysisRecord['page'];
  /** The publisher's name. */
  source: string;
  /** The publication date as the page writes it (2011年3月15日, 2011-03-15), or null. */
  date: string | null;
}

/** A date written 2011年3月15日 or 2011-3-15 → 2011-03-15; null when there is none. */
export function isoDate(text: string | null): string | null {
  const found = text ? /(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/.exec(text) : null;
  if (!found) return null;
  const [, y, m, d] = found;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function clip(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SUMMARY_TEXT_CHARS ? `${clean.slice(0, MAX_SUMMARY_TEXT_CHARS - 1)}…` : clean;
}

/** The sentence of `text` around `offset` (from the last sentence end before it to the next one). */
export function sentenceAt(text: string, offset: number): string {
  const ends = /[。！？!?；;\n]/g;
  let start = 0;
  let end = text.length;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    if (m.index < offset) start = m.index + 1;
    else {
      end = m.index + 1;
      break;
    }
  }
  return clip(text.slice(start, end));
}

function clipOutline(entries: OutlineEntry[], budget: { left: number }): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const entry of entries) {
    if (budget.left-- <= 0) break;
    out.push({ ...entry, marker: entry.marker?.slice(0, 16) ?? null, label: clip(entry.label), children: clipOutline(entry.children, budget) });
  }
  return out;
}

/** The record of `analysis` of `text` (the article text it was made from). */
export function analysisRecord(analysis: Analysis, text: string, facts: PageFacts): AnalysisRecord {
  const formulations = new Map<string, { count: number; sentences: string[] }>();
  for (const item of analysis.items) {
    if (item.kind !== 'slogan') continue;
    const name = item.text.trim().replace(/^[“「『‘"]|[”」』’"]$/g, '');
    if (name.length < 2 || name.length > 40) continue;
    const entry = formulations.get(name) ?? { count: 0, sentences: [] };
    entry.count++;
    const sentence = sentenceAt(text, item.start);
    if (entry.sentences.length < MAX_SENTENCES && !entry.sentences.includes(sentence)) entry.sentences.push(sentence);
    formulations.set(name, entry);
  }
  return {
    page: { ...facts.page, title: clip(facts.page.title) },
    source: facts.source.slice(0, 64),
    published: isoDate(facts.date),
    counts: analysis.outline.counts.slice(0, 120),
    outline: clipOutline(outlineFromAnalysis(analysis), { left: MAX_SUMMARY_ENTRIES }),
    formulations: [...formulations].slice(0, MAX_SUMMARY_ENTRIES).map(([name, f]) => ({ text: name, ...f })),
  };
}

/** The fragment that opens an article scrolled to a note. */
export const NOTE_FRAGMENT = 'yd-note=';

/** The address of `url` that opens the page scrolled to note `id`. */
export function noteLink(url: string, id: string): string {
  return `${url.replace(/#.*$/, '')}#${NOTE_FRAGMENT}${encodeURIComponent(id)}`;
}

/** The note a page address asks to scroll to, or null. */
export function linkedNoteId(hash: string): string | null {
  const at = hash.indexOf(NOTE_FRAGMENT);
  return at === -1 ? null : decodeURIComponent(hash.slice(at + NOTE_FRAGMENT.length)) || null;
}
