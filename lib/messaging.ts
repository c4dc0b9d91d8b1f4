/**
 * The one typed protocol between content scripts, extension pages and the
 * background. Payload types come from lib/protocol/schema.ts, which the
 * background uses to validate every message it receives.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AnnotationRecord, AnnotationWithArticle } from './db/records';
import type { AnnotationDraft, ArticleQuery, PageReport, RecentQuery, RunRequest, TabQuery } from './protocol/schema';

/** Every message: its payload and its reply. */
export interface ProtocolMap {
  /** Save a new highlight; replies with the stored record. */
  saveAnnotation(draft: AnnotationDraft): AnnotationRecord;
  /** The highlights of one article. */
  annotationsForArticle(query: ArticleQuery): AnnotationRecord[];
  /** The newest highlights across all articles. */
  recentAnnotations(query: RecentQuery): AnnotationWithArticle[];
  /** The reader script's findings on the sender's tab (sets the toolbar badge). */
  reportPage(report: PageReport): void;
  /** From the popup: run the reader on a tab even if it is not a policy page (the reader asked). */
  runReaderOnTab(query: TabQuery): void;
  /** From the background to a tab's reader script: run now, marking even non-policy pages. */
  runReader(request: RunRequest): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
