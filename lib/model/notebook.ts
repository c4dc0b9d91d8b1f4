/**
 * What the notebook and the popup ask the database for and get back: filters,
 * sorts and the rows their lists show. lib/db answers with these; components
 * draw them without knowing the database.
 */
import type { HighlightColor } from './colors';
import type { AnnotationRecord, ArticleRecord, SummaryRecord } from './records';

/** A range [start, end) of UTF-16 offsets in an original text (where a search query stands). */
export interface TextRange {
  /** Offset of the first matched character. */
  start: number;
  /** Offset just past the last matched character. */
  end: number;
}

/** What a note is: a plain highlight, one with a note, or one its page could not place. */
export type NoteKind = 'highlight' | 'note' | 'unplaced';

/** The notebook's filters; every field narrows, absent fields do not. */
export interface NoteFilter {
  /** Search words (quote, note, tags). */
  query?: string;
  /** Host name of the article. */
  site?: string;
  /** One article only. */
  articleKey?: string;
  /** Made at or after (ms since epoch). */
  from?: number;
  /** Made before (ms since epoch). */
  to?: number;
  /** Carries this tag. */
  tag?: string;
  /** Has this colour. */
  color?: HighlightColor;
  /** Is of this kind. */
  kind?: NoteKind;
  /** Made by this member of the 支部 (NoteAuthor.id), or OWN_NOTES for the reader's own. */
  author?: string;
}

/** The `author` filter value of the reader's own notes (imported ones carry their member's id). */
export const OWN_NOTES = 'self';

/** How notes are ordered; `relevance` applies to searches (else newest). */
export type NoteSort = 'newest' | 'oldest' | 'relevance';

/** A note with where a search query stands in it (no ranges outside searches). */
export interface NoteHit {
  /** The note (without its search terms). */
  note: AnnotationRecord;
  /** Where the query stands in the quote. */
  quoteRanges: TextRange[];
  /** Where the query stands in the note text. */
  noteRanges: TextRange[];
}

/** A note as lists show it: with its article and, in a search, where the query stands. */
export interface NoteRow extends NoteHit {
  /** Its article's title (or URL when untitled). */
  articleTitle: string;
  /** Its article's URL. */
  articleUrl: string;
}

/** An article as lists show it. */
export interface ArticleRow {
  /** The stored article. */
  article: ArticleRecord;
  /** Its recorded analysis, when it was read as a policy article. */
  summary: SummaryRecord | null;
  /** Its live notes. */
  notes: number;
}
