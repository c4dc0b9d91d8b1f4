/**
 * The background's answers to protocol messages: validate, then query the
 * database. Kept apart from the entrypoint so tests call them directly.
 */
import { annotationsForArticle, recentAnnotations, saveAnnotation } from '../db/annotations';
import type { AnnotationRecord, AnnotationWithArticle } from '../db/records';
import type { YanduDb } from '../db/schema';
import {
  AnnotationDraftSchema,
  ArticleQuerySchema,
  PageReportSchema,
  parseMessage,
  RecentQuerySchema,
  type PageReport,
} from './schema';

/** Handlers for the database messages; each takes the raw, untrusted payload. */
export interface DbHandlers {
  /** Validates and saves a draft highlight. */
  saveAnnotation(data: unknown): Promise<AnnotationRecord>;
  /** Validates the query and lists the article's highlights. */
  annotationsForArticle(data: unknown): Promise<AnnotationRecord[]>;
  /** Validates the query and lists the newest highlights. */
  recentAnnotations(data: unknown): Promise<AnnotationWithArticle[]>;
}

export function createDbHandlers(db: YanduDb): DbHandlers {
  return {
    saveAnnotation: async (data) => saveAnnotation(db, parseMessage(AnnotationDraftSchema, data, 'saveAnnotation')),
    annotationsForArticle: async (data) =>
      annotationsForArticle(db, parseMessage(ArticleQuerySchema, data, 'annotationsForArticle').url),
    recentAnnotations: async (data) =>
      recentAnnotations(db, parseMessage(RecentQuerySchema, data, 'recentAnnotations').limit),
  };
}

/** The badge text for a page report: the number of directives on policy pages, else nothing. */
export function badgeText(data: unknown): string {
  const report: PageReport = parseMessage(PageReportSchema, data, 'reportPage');
  if (!report.isPolicy || report.directiveCount === 0) return '';
  return report.directiveCount > 999 ? '999+' : String(report.directiveCount);
}
