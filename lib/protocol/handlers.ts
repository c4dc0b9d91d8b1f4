/**
 * The background's answers to protocol messages: validate, then query the
 * database. Kept apart from the entrypoint so tests call them directly.
 */
import {
  annotationsForArticle,
  deleteAnnotation,
  recentAnnotations,
  recordPlacement,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
} from '../db/annotations';
import { withStorageMessages } from '../db/errors';
import { recordAnalysis } from '../db/formulations';
import { persistenceStatus } from '../db/persist';
import type { AnnotationRecord, AnnotationWithArticle, PersistenceRecord } from '../model/records';
import type { YanduDb } from '../db/database';
import { listTags } from '../db/tags';
import {
  AnalysisRecordSchema,
  AnnotationDraftSchema,
  AnnotationEditSchema,
  ArticleQuerySchema,
  NoPayloadSchema,
  NoteRefSchema,
  PageReportSchema,
  parseMessage,
  PlacementReportSchema,
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
  /** Validates and applies an edit (refused on a concurrent edit). */
  updateAnnotation(data: unknown): Promise<AnnotationRecord>;
  /** Validates and soft-deletes a note. */
  deleteAnnotation(data: unknown): Promise<AnnotationRecord>;
  /** Validates and restores a deleted note. */
  restoreAnnotation(data: unknown): Promise<AnnotationRecord>;
  /** Lists the tags for completion. */
  listTags(data: unknown): Promise<string[]>;
  /** Validates and records which notes a page could not place. */
  reportPlacement(data: unknown): Promise<void>;
  /** The stored answer to the persistence request. */
  storageStatus(data: unknown): Promise<PersistenceRecord | null>;
  /** Validates and records a policy article's analysis (提法库). */
  recordAnalysis(data: unknown): Promise<void>;
}

export function createDbHandlers(db: YanduDb): DbHandlers {
  // Storage failures reach the reader in Chinese (lib/db/errors.ts).
  return withStorageMessages<DbHandlers>(db, {
    saveAnnotation: async (data) => saveAnnotation(db, parseMessage(AnnotationDraftSchema, data, 'saveAnnotation')),
    annotationsForArticle: async (data) =>
      annotationsForArticle(db, parseMessage(ArticleQuerySchema, data, 'annotationsForArticle')),
    recentAnnotations: async (data) =>
      recentAnnotations(db, parseMessage(RecentQuerySchema, data, 'recentAnnotations').limit),
    updateAnnotation: async (data) => updateAnnotation(db, parseMessage(AnnotationEditSchema, data, 'updateAnnotation')),
    deleteAnnotation: async (data) => deleteAnnotation(db, parseMessage(NoteRefSchema, data, 'deleteAnnotation').id),
    restoreAnnotation: async (data) => restoreAnnotation(db, parseMessage(NoteRefSchema, data, 'restoreAnnotation').id),
    listTags: async (data) => {
      parseMessage(NoPayloadSchema, data, 'listTags');
      return listTags(db);
    },
    reportPlacement: async (data) => recordPlacement(db, parseMessage(PlacementReportSchema, data, 'reportPlacement')),
    storageStatus: async (data) => {
      parseMessage(NoPayloadSchema, data, 'storageStatus');
      return persistenceStatus(db);
    },
    recordAnalysis: async (data) => {
      await recordAnalysis(db, parseMessage(AnalysisRecordSchema, data, 'recordAnalysis'));
    },
  });
}

/** The badge text for a page report: the number of directives on policy pages, else nothing. */
export function badgeText(data: unknown): string {
  const report: PageReport = parseMessage(PageReportSchema, data, 'reportPage');
  if (!report.isPolicy || report.directiveCount === 0) return '';
  return report.directiveCount > 999 ? '999+' : String(report.directiveCount);
}

/** Messages only 研读's own pages (popup, notebook, settings) may send: they read across all articles, or act on other tabs. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<string> = new Set(['recentAnnotations', 'storageStatus', 'runReaderOnTab']);

/**
 * Refuses `message` from a sender outside the extension (a content script in a
 * web page) when only our own pages may send it. `extensionBase` is
 * `browser.runtime.getURL('/')`.
 */
export function checkSender(message: string, senderUrl: string | undefined, extensionBase: string): void {
  if (EXTENSION_PAGE_ONLY.has(message) && !senderUrl?.startsWith(extensionBase)) {
    throw new Error(`消息“${message}”只接受研读自己的页面发送`);
  }
}
