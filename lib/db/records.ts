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
  /** The reader's tags, in the reader's order (schema v2). */
  tags: string[];
  /**
   * 1 when made, one more on every edit by the reader (schema v2). An edit names
   * the revision it started from and is refused when another tab has edited since.
   */
  revision: number;
  /** When the reader deleted it (ms since epoch), or null; restorable for RESTORE_DAYS (schema v2). */
  deletedAt: number | null;
  /**
   * When its page last could not place it (未定位, ms since epoch), or null while
   * it is placed. Kept and shown, never a reason to drop the note (schema v2).
   */
  unplacedAt: number | null;
  /**
   * Who made it, for notes that came in a 学习包 from another member of the
   * 支部 (lib/sync/study-pack.ts); absent on the reader's own notes.
   */
  author?: NoteAuthor;
}

/** A member of a 支部 whose notes came in a 学习包. */
export interface NoteAuthor {
  /** The member's random id (one per reader, made once): names may repeat. */
  id: string;
  /** The member's name as they set it in settings (姓名). */
  name: string;
  /** Their 支部 as they set it in settings. */
  branch: string;
}

/** A highlight together with the title and URL of its article, for lists. */
export interface AnnotationWithArticle extends AnnotationRecord {
  /** The article's title. */
  articleTitle: string;
  /** The article's URL. */
  articleUrl: string;
}

/** A tag the reader has used, for completion. */
export interface TagRecord {
  /** The tag itself. */
  name: string;
  /** When it was last put on a note (ms since epoch): completion offers recent tags first. */
  lastUsedAt: number;
}

/** What the browser answered when asked to keep our storage (navigator.storage.persist()). */
export interface PersistenceRecord {
  /** The meta table's key for this record. */
  key: 'persistence';
  /** Whether the storage API exists in this browser. */
  supported: boolean;
  /** Whether storage is persistent (will not be evicted under pressure). */
  persisted: boolean;
  /** When it was asked (ms since epoch). */
  checkedAt: number;
}
