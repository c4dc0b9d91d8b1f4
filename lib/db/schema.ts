/**
 * The one Dexie database of 研读, in the extension's origin (the background and
 * extension pages only: a content script's IndexedDB belongs to the page).
 * Every schema version stays listed here, oldest first; a new version adds a
 * `.version(n)` with its `upgrade()`, never edits an old one.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { AnnotationRecord, ArticleRecord } from './records';

/** The database's name in IndexedDB. */
export const DB_NAME = 'yandu';

export type YanduDb = Dexie & {
  articles: EntityTable<ArticleRecord, 'key'>;
  annotations: EntityTable<AnnotationRecord, 'id'>;
};

/** Opens (creating or upgrading) the database. Index only what is queried. */
export function openDb(name: string = DB_NAME): YanduDb {
  const db = new Dexie(name) as YanduDb;
  db.version(1).stores({
    // lastSeenAt: recent articles; site: filters by site.
    articles: 'key, lastSeenAt, site',
    // articleKey: a page's highlights; createdAt: recent highlights.
    annotations: 'id, articleKey, createdAt',
  });
  return db;
}
