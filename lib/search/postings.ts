/**
 * Posting keys: what a note puts into its multi-entry `terms` index (schema v4)
 * so that every list reads only the page it shows. Each key is a term or a
 * facet followed by the note's time, inverted, so that one key range of the
 * index holds the notes having that term (or tag, colour, kind, site), newest
 * first: `基层␁<time>`, `␂t三会一课␁<time>`. A search or filter walks the range
 * of its sparsest term or facet and checks each note it reads in full.
 */

/** Ends a term, before the time: sorts below every character a term or facet holds. */
export const TERM_END = '\u0001';
/** Starts a facet, so that facets never meet search terms. */
const FACET = '\u0002';
/** Sorts above every time character: the end of a range. */
const RANGE_END = '\uffff';
/** Time characters: base 2^14 digits from U+4000 (three of them, BMP, no surrogates). */
const DIGIT_BASE = 0x4000;
const DIGIT_RADIX = 2 ** 14;
const DIGITS = 3;
/** Latest time that encodes (2^42 ms after 1970: the year 2109); later times sort as this one. */
export const MAX_TIME = DIGIT_RADIX ** DIGITS - 1;

/** What a note is filtered by, besides its text. */
export type Facet =
  | { kind: 'live' }
  | { kind: 'tag'; value: string }
  | { kind: 'color'; value: string }
  | { kind: 'site'; value: string }
  | { kind: 'note' }
  | { kind: 'highlight' }
  | { kind: 'unplaced' };

/** Facet name letters in the key. */
const FACET_LETTER: Record<Facet['kind'], string> = { live: '*', tag: 't', color: 'c', site: 's', note: 'n', highlight: 'h', unplaced: 'u' };

/** The time part of a key: `createdAt` inverted, so that newer sorts first. */
export function timeKey(createdAt: number): string {
  let rest = MAX_TIME - Math.min(MAX_TIME, Math.max(0, Math.floor(createdAt)));
  let out = '';
  for (let i = 0; i < DIGITS; i++) {
    out = String.fromCharCode(DIGIT_BASE + (rest % DIGIT_RADIX)) + out;
    rest = Math.floor(rest / DIGIT_RADIX);
  }
  return out;
}

/** The time a key holds (the inverse of timeKey). */
export function timeOfKey(key: string): number {
  let inverted = 0;
  for (const char of key.slice(-DIGITS)) inverted = inverted * DIGIT_RADIX + (char.charCodeAt(0) - DIGIT_BASE);
  return MAX_TIME - inverted;
}

/** The name of a facet as it stands in keys. */
export function facetName(facet: Facet): string {
  return `${FACET}${FACET_LETTER[facet.kind]}${'value' in facet ? facet.value : ''}`;
}

/** The posting key of a term or facet name for a note made at `createdAt`. */
export function postingKey(name: string, createdAt: number): string {
  return `${name}${TERM_END}${timeKey(createdAt)}`;
}

/** A range of the index, [lower, upper] inclusive. */
export interface KeyRange {
  /** First key of the range. */
  lower: string;
  /** Last key of the range. */
  upper: string;
}

/**
 * The keys of one term or facet name for notes made in [from, to), newest first
 * in index order. `from`/`to` absent: all times.
 */
export function postingRange(name: string, from?: number, to?: number): KeyRange {
  const head = `${name}${TERM_END}`;
  // Inverted time: the newest allowed time gives the lower bound.
  const lower = to === undefined || to > MAX_TIME ? head : `${head}${timeKey(to - 1)}`;
  const upper = from === undefined || from <= 0 ? `${head}${RANGE_END}` : `${head}${timeKey(from)}`;
  return { lower, upper };
}

/** The keys of every term starting with `prefix` (any time; not in time order). */
export function prefixRange(prefix: string): KeyRange {
  return { lower: prefix, upper: `${prefix}${RANGE_END}` };
}

/** The facets of a note (the live ones only: a deleted note is in no list, so in no facet). */
export function noteFacets(note: {
  articleKey: string;
  color: string;
  note: string;
  tags: readonly string[];
  deletedAt: number | null;
  unplacedAt: number | null;
}): Facet[] {
  if (note.deletedAt !== null) return [];
  const facets: Facet[] = [{ kind: 'live' }, { kind: 'color', value: note.color }, { kind: 'site', value: hostOfKey(note.articleKey) }];
  facets.push(note.note === '' ? { kind: 'highlight' } : { kind: 'note' });
  if (note.unplacedAt !== null) facets.push({ kind: 'unplaced' });
  for (const tag of note.tags) facets.push({ kind: 'tag', value: tag });
  return facets;
}

/** The host an article key starts with (keys are scheme-free URLs: host/path). */
export function hostOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash === -1 ? key : key.slice(0, slash);
}
