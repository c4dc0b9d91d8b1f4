/**
 * The one typed protocol between content scripts, extension pages and the
 * background. Payload types come from lib/protocol/schema.ts, which the
 * background uses to validate every message it receives.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AnnotationRecord, AnnotationWithArticle } from './db/records';
import type { AnnotationDraft, ArticleQuery, PageReport, RecentQuery } from './protocol/schema';

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
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
