/**
 * The records kept in the database (lib/db), and the shapes made of them that
 * the pages show. Plain data: these shapes also travel in messages and go into
 * backups, so they hold no methods and no DOM.
 */
import type { HighlightColor } from './colors';
import type { PositionSelector, QuoteSelector } from './selectors';

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

/** One entry of an article's outline: a lead or a directive, numbered as in the original (labels only, never the text). */
export interface OutlineEntry {
  /** A paragraph lead (要把……摆在更加突出的位置) or an enumerated directive (一是……). */
  kind: 'lead' | 'directive';
  /** The marker as written in the article (一是, （二）, 第三); null for leads. */
  marker: string | null;
  /** The entry's own text after its marker. */
  label: string;
  /** Entries nested under this one, in text order. */
  children: OutlineEntry[];
}

/** An article's analysis as recorded when it was read (schema v3). */
export interface SummaryRecord {
  /** The article (ArticleRecord.key identity). */
  articleKey: string;
  /** The URL it was read at. */
  url: string;
  /** Its title. */
  title: string;
  /** Its host name. */
  site: string;
  /** The publisher's name (人民网), or the host. */
  source: string;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** The outline counts (4个方面 · 14项举措 · 10个提法). */
  counts: string;
  /** The outline (主要精神), labels only. */
  outline: OutlineEntry[];
  /** The distinct formulations found, in text order. */
  formulations: string[];
  /** When it was first analysed (ms since epoch). */
  firstReadAt: number;
  /** When it was last analysed (ms since epoch). */
  lastReadAt: number;
}

/** One formulation in one article (schema v3). */
export interface SightingRecord {
  /** `${text}\n${articleKey}`: one record per formulation and article. */
  id: string;
  /** The formulation. */
  text: string;
  /** The article it stood in. */
  articleKey: string;
  /** The article's title and URL, for the list of places. */
  title: string;
  /** The URL it was read at. */
  url: string;
  /** Times it occurs in the article. */
  count: number;
  /** Up to MAX_SENTENCES sentences it stood in. */
  sentences: string[];
  /** When it was first seen in this article (ms since epoch). */
  firstSeenAt: number;
}

/** One formulation across all articles read (schema v3). */
export interface FormulationRecord {
  /** The formulation (“五好”, 一岗双责). */
  text: string;
  /** In how many articles it was found. */
  articles: number;
  /** How many times in all. */
  times: number;
  /** When it was first seen (ms since epoch). */
  firstSeenAt: number;
  /** When it was last seen (ms since epoch). */
  lastSeenAt: number;
}

/** One note of the page the reader is on, and where it stands now. */
export interface PageNote {
  /** The stored note. */
  record: AnnotationRecord;
  /** Its place in the article text now; null when it could not be placed (未定位). */
  place: PositionSelector | null;
}
