/**
 * Queries on the reader's highlights and notes. Each takes the database handle
 * as an argument, so tests run them on fake-indexeddb and the background on the
 * real one. Notes are never removed by these except by `purgeDeleted`, and only
 * after the reader deleted them and the restore period passed.
 */
import { articleKey } from '../article-key';
import type { AnnotationDraft, AnnotationEdit, ArticleQuery, PlacementReport } from '../protocol/schema';
import { NoteConflictError, NoteNotFoundError } from './errors';
import type { AnnotationRecord, AnnotationWithArticle } from '../model/records';
import type { YanduDb } from './database';
import { rememberTags } from './tags';
import { randomUuid } from '../uuid';

/** How long a deleted note can be restored (DESIGN.md: 30 days). */
export const RESTORE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Trims tags, drops empty ones and repeats, keeps the reader's order. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/\s+/g, ' ')).filter((tag) => tag !== ''))];
}

/** Saves a new highlight and records (or refreshes) its article, in one transaction. */
export async function saveAnnotation(db: YanduDb, draft: AnnotationDraft, now: number = Date.now()): Promise<AnnotationRecord> {
  const key = articleKey(draft.page.url, draft.page.canonicalUrl);
  const tags = cleanTags(draft.tags ?? []);
  const record: AnnotationRecord = {
    id: draft.id ?? randomUuid(),
    articleKey: key,
    quote: draft.quote,
    position: draft.position,
    color: draft.color,
    note: draft.note,
    createdAt: now,
    updatedAt: now,
    tags,
    revision: 1,
    deletedAt: null,
    unplacedAt: null,
  };
  let stored = record;
  await db.transaction('rw', db.articles, db.annotations, db.tags, async () => {
    // A retry of a save whose answer was lost (the service worker stopped): the note is there already.
    const saved = draft.id === undefined ? undefined : await db.annotations.get(draft.id);
    if (saved) {
      stored = saved;
      return;
    }
    const existing = await db.articles.get(key);
    await db.articles.put({
      key,
      url: draft.page.url,
      title: draft.page.title || existing?.title || '',
      site: new URL(draft.page.url).hostname,
      firstSeenAt: existing?.firstSeenAt ?? now,
      lastSeenAt: now,
    });
    await db.annotations.add(record);
    await rememberTags(db, tags, now);
  });
  return stored;
}

/** The live (not deleted) highlights of the article of `query`, oldest first. */
export async function annotationsForArticle(db: YanduDb, query: ArticleQuery): Promise<AnnotationRecord[]> {
  const list = await db.annotations
    .where('articleKey')
    .equals(articleKey(query.url, query.canonicalUrl))
    .filter((a) => a.deletedAt === null)
    .toArray();
  return list.sort((a, b) => a.createdAt - b.createdAt);
}

async function getLive(db: YanduDb, id: string): Promise<AnnotationRecord> {
  const record = await db.annotations.get(id);
  if (!record || record.deletedAt !== null) throw new NoteNotFoundError('它可能已被删除。');
  return record;
}

/**
 * Changes a note's text, colour or tags. The check of `edit.revision` and the
 * write are one transaction, so of two tabs editing at once the second is
 * refused (NoteConflictError) instead of silently overwriting the first.
 */
export async function updateAnnotation(db: YanduDb, edit: AnnotationEdit, now: number = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, db.tags, async () => {
    const record = await getLive(db, edit.id);
    if (record.revision !== edit.revision) throw new NoteConflictError(record.revision);
    const tags = edit.tags === undefined ? record.tags : cleanTags(edit.tags);
    const updated: AnnotationRecord = {
      ...record,
      note: edit.note ?? record.note,
      color: edit.color ?? record.color,
      tags,
      revision: record.revision + 1,
      updatedAt: now,
    };
    await db.annotations.put(updated);
    if (edit.tags !== undefined) await rememberTags(db, tags, now);
    return updated;
  });
}

/** Deletes a note softly: hidden everywhere, restorable for RESTORE_DAYS. */
export async function deleteAnnotation(db: YanduDb, id: string, now: number = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, async () => {
    const record = await getLive(db, id);
    const deleted = { ...record, deletedAt: now, revision: record.revision + 1, updatedAt: now };
    await db.annotations.put(deleted);
    return deleted;
  });
}

/** Brings back a deleted note (undo), within RESTORE_DAYS of its deletion. */
export async function restoreAnnotation(db: YanduDb, id: string, now: number = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, async () => {
    const record = await db.annotations.get(id);
    if (!record) throw new NoteNotFoundError(`删除已超过 ${RESTORE_DAYS} 天，无法恢复。`);
    if (record.deletedAt === null) return record;
    const restored = { ...record, deletedAt: null, revision: record.revision + 1, updatedAt: now };
    await db.annotations.put(restored);
    return restored;
  });
}

/** Removes for good the notes deleted more than RESTORE_DAYS ago; returns how many. */
export async function purgeDeleted(db: YanduDb, now: number = Date.now()): Promise<number> {
  return db.annotations.where('deletedAt').below(now - RESTORE_DAYS * DAY_MS).delete();
}

/**
 * Records which notes the page could and could not place (未定位). Not an edit
 * by the reader: the revision stays, so an open editor elsewhere is not refused.
 */
export async function recordPlacement(db: YanduDb, report: PlacementReport, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    await db.annotations
      .where('id')
      .anyOf(report.unplaced)
      .filter((a) => a.unplacedAt === null)
      .modify({ unplacedAt: now });
    await db.annotations
      .where('id')
      .anyOf(report.placed)
      .filter((a) => a.unplacedAt !== null)
      .modify({ unplacedAt: null });
  });
}
