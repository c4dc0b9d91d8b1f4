/**
 * The records kept in the database. Plain data: these shapes also travel in
 * messages and go into backups, so they hold no methods and no DOM.
 */
import type { PositionSelector, QuoteSelector } from '../anchoring/quote';
import type { HighlightColor } from '../protocol/schema';

/** One article the reader has worked on. */
export interface ArticleRecord {
  /** The article's identity: its normalised URL (lib/article-key.ts). */
  key: string;
  /** The URL it was last read at. */
  url: string;
  /** The page title. */
  title: string;
  /** The host name, for filters by site. */
  site: string;
  /** When the reader first saved something on it (ms since epoch). */
  firstSeenAt: number;
  /** When the reader last saved something on it (ms since epoch). */
  lastSeenAt: number;
}

/** One highlight of the reader's own, with its optional note. */
export interface AnnotationRecord {
  /** Random unique id; also the `data-annotation` value of its marks. */
  id: string;
  /** The article it belongs to (ArticleRecord.key). */
  articleKey: string;
  /** The quoted text with its context, for re-attaching. */
  quote: QuoteSelector;
  /** Where the quote stood in the article text. */
  position: PositionSelector;
  /** Highlight colour. */
  color: HighlightColor;
  /** The reader's note; empty for a plain highlight. */
  note: string;
  /** When it was made (ms since epoch). */
  createdAt: number;
  /** When it was last changed (ms since epoch). */
  updatedAt: number;
}

/** A highlight together with the title and URL of its article, for lists. */
export interface AnnotationWithArticle extends AnnotationRecord {
  /** The article's title. */
  articleTitle: string;
  /** The article's URL. */
  articleUrl: string;
}
