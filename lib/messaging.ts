/**
 * The one typed protocol between content scripts, extension pages and the
 * background. Payload types come from lib/protocol/schema.ts, which the
 * background uses to validate every message it receives.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AnnotationRecord, AnnotationWithArticle, PersistenceRecord } from './model/records';
import type {
  AnnotationDraft,
  AnnotationEdit,
  ArticleQuery,
  CommandRequest,
  NoteRef,
  PageReport,
  PlacementReport,
  RecentQuery,
  RunRequest,
  TabQuery,
  AnalysisRecord,
} from './protocol/schema';

/** The article as the reader script read it, for the full-text export (全文网页). */
export interface ArticleText {
  /** The article's title. */
  title: string;
  /** The article text (paragraphs separated by line breaks), as notes' positions count it. */
  text: string;
  /** The automatic items by their offsets in `text` (empty when the page is not marked). */
  items: { kind: 'directive' | 'lead' | 'slogan' | 'parallel'; start: number; end: number }[];
}

/** Every message: its payload and its reply. */
export interface ProtocolMap {
  /** Save a new highlight; replies with the stored record. */
  saveAnnotation(draft: AnnotationDraft): AnnotationRecord;
  /** The highlights of one article. */
  annotationsForArticle(query: ArticleQuery): AnnotationRecord[];
  /** The newest highlights across all articles. */
  recentAnnotations(query: RecentQuery): AnnotationWithArticle[];
  /** Change a note's text, colour or tags; refused when another tab edited it since `revision`. */
  updateAnnotation(edit: AnnotationEdit): AnnotationRecord;
  /** Delete a note softly (restorable for 30 days); replies with the deleted record. */
  deleteAnnotation(ref: NoteRef): AnnotationRecord;
  /** Undo a delete. */
  restoreAnnotation(ref: NoteRef): AnnotationRecord;
  /** Every tag used, most recent first, for completion. */
  listTags(): string[];
  /** Which of the page's notes could not be placed (未定位) and which could. */
  reportPlacement(report: PlacementReport): void;
  /** Whether the browser keeps our storage (for settings). */
  storageStatus(): PersistenceRecord | null;
  /** From the popup to a tab's reader script: which article the page is (its URL and canonical link). */
  pageIdentity(): ArticleQuery;
  /** From the background to the active tab's reader script: a keyboard shortcut was pressed. */
  runCommand(request: CommandRequest): void;
  /** The reader script's findings on the sender's tab (sets the toolbar badge). */
  reportPage(report: PageReport): void;
  /** From the popup: run the reader on a tab even if it is not a policy page (the reader asked). */
  runReaderOnTab(query: TabQuery): void;
  /** From the background to a tab's reader script: run now, marking even non-policy pages. */
  runReader(request: RunRequest): void;
  /** From the notebook to a tab's reader script: the article's text and structure (null before an article was read). */
  articleText(): ArticleText | null;
  /** The reader script analysed a policy article: record its outline and formulations (提法库). */
  recordAnalysis(record: AnalysisRecord): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
