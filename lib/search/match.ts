/**
 * Matching and ranking: where a folded query occurs in a text (as ranges of the
 * ORIGINAL text, for highlighting with Preact text nodes, never HTML), and a
 * score that puts tags and the reader's own words before quotes.
 */
import type { TextRange } from '../model/notebook';
import { searchText } from './normalize';

/** Most ranges reported per text: enough to highlight, bounded for very long notes. */
const MAX_RANGES = 50;

/** Where the folded `query` occurs in `text`, as ranges of `text`; empty when it does not. */
export function matchRanges(text: string, query: string): TextRange[] {
  if (query === '' || text === '') return [];
  const folded = searchText(text);
  const ranges: TextRange[] = [];
  for (let at = folded.text.indexOf(query); at !== -1 && ranges.length < MAX_RANGES; at = folded.text.indexOf(query, at + query.length)) {
    ranges.push({ start: folded.origin[at]!, end: folded.origin[at + query.length - 1]! + 1 });
  }
  return ranges;
}

/** Whether the folded `query` occurs in `text`. */
export function matches(text: string, query: string): boolean {
  return query !== '' && searchText(text).text.includes(query);
}

/** Weights of where a match stands: a tag names the topic, the note is the reader's own word. */
export const FIELD_WEIGHTS = { tags: 4, note: 3, quote: 2, title: 1 } as const;
/** Which field a text is. */
export type SearchField = keyof typeof FIELD_WEIGHTS;

/** Occurrences beyond this add nothing: a long quote repeating a word is not more relevant. */
const MAX_COUNTED = 3;

/** The score of one text: its field's weight times its occurrences (capped); 0 when it does not match. */
export function fieldScore(field: SearchField, text: string, query: string): number {
  if (query === '' || text === '') return 0;
  const folded = searchText(text).text;
  let count = 0;
  for (let at = folded.indexOf(query); at !== -1 && count < MAX_COUNTED; at = folded.indexOf(query, at + query.length)) count++;
  const whole = count > 0 && folded.length === query.length ? 1 : 0;
  return FIELD_WEIGHTS[field] * (count + whole);
}

/** Splits `text` into pieces, marking those inside `ranges` (sorted, not overlapping): for rendering as text. */
export function splitByRanges(text: string, ranges: readonly TextRange[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) pieces.push({ text: text.slice(at, range.start), hit: false });
    pieces.push({ text: text.slice(range.start, range.end), hit: true });
    at = range.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}
