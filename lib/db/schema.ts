/**
 * The one Dexie database of 研读, in the extension's origin (the background and
 * extension pages only: a content script's IndexedDB belongs to the page).
 * Every schema version stays listed here, oldest first; a new version adds a
 * `.version(n)` with its `upgrade()`, never edits an old one. Index only what
 * is queried; never index long text.
 */
import { Dexie, type Transaction } from 'dexie';
import { articleKey } from '../article-key';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import type { YanduDb } from './database';
import { upgradeToVersion6, upgradeToVersion8, type UpgradeProgress } from './search-store';
import { registerWriteLog } from './write-log';

/** The database's name in IndexedDB. */
export const DB_NAME = 'yandu';

/** Options of openDb. */
export interface OpenOptions {
  /** Told how far a long upgrade (v6: every note rewritten; v8: every note read) has come. */
  onUpgradeProgress?: UpgradeProgress;
}

/** Version 1 (the walking skeleton). Kept exactly as it shipped. */
export function defineVersion1(db: Dexie): void {
  db.version(1).stores({
    // lastSeenAt: recent articles; site: filters by site.
    articles: 'key, lastSeenAt, site',
    // articleKey: a page's highlights; createdAt: recent highlights.
    annotations: 'id, articleKey, createdAt',
  });
}

/**
 * v1 → v2: notes get tags, a revision, soft delete and an unplaced mark; article
 * keys move to the v2 identity (scheme-free, mobile → www, …), merging articles
 * that turn out to be one. Every note is kept.
 */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRecord, string>('articles');
  const merged = new Map<string, ArticleRecord>();
  for (const old of await articles.toArray()) {
    const key = articleKey(old.key);
    const seen = merged.get(key);
    merged.set(key, {
      ...old,
      key,
      title: (seen && seen.lastSeenAt > old.lastSeenAt ? seen.title : old.title) || seen?.title || '',
      url: seen && seen.lastSeenAt > old.lastSeenAt ? seen.url : old.url,
      firstSeenAt: Math.min(old.firstSeenAt, seen?.firstSeenAt ?? Infinity),
      lastSeenAt: Math.max(old.lastSeenAt, seen?.lastSeenAt ?? 0),
    });
  }
  await articles.clear();
  await articles.bulkPut([...merged.values()]);
  await tx
    .table<AnnotationRecord, string>('annotations')
    .toCollection()
    .modify((note) => {
      note.articleKey = articleKey(note.articleKey);
      note.tags ??= [];
      note.revision ??= 1;
      note.deletedAt ??= null;
      note.unplacedAt ??= null;
    });
}

/** Opens (creating or upgrading) the database. */
export function openDb(name: string = DB_NAME, options: OpenOptions = {}): YanduDb {
  const db = new Dexie(name) as YanduDb;
  defineVersion1(db);
  db.version(2)
    .stores({
      articles: 'key, lastSeenAt, site',
      // deletedAt: purging old deletions (null, i.e. not deleted, is not indexed).
      annotations: 'id, articleKey, createdAt, deletedAt',
      // Completion offers all tags, recent first; a handful, sorted in memory.
      tags: 'name',
      // Facts about the database itself (the persistence answer).
      meta: 'key',
    })
    .upgrade(upgradeToVersion2);
  // v3–v5 kept a postings index in `terms`; v6 drops it, so their upgrades (which only filled it) no longer run.
  db.version(3)
    .stores({
      // *terms: search bigrams of the title (lib/db/search.ts).
      articles: 'key, lastSeenAt, site, *terms',
      // *terms: search bigrams of quote, note and tags; *tags: the notebook's tag filter.
      annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags',
      tags: 'name',
      meta: 'key',
      // The 提法库 (lib/db/formulations.ts): analysis summaries, formulations and their sightings.
      summaries: 'articleKey, lastReadAt',
      formulations: 'text, articles, firstSeenAt',
      sightings: 'id, text, articleKey',
    });
  db.version(4)
    .stores({
      // *terms now holds time-ordered posting keys of words and facets (lib/search/postings.ts): lists read only their page.
      annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags',
    });
  db.version(5)
    .stores({
      // *terms also holds each character of a note or title (one-character queries walk their postings); same indexes.
      annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags',
    });
  db.version(6)
    .stores({
      // The postings index is gone: searches scan the search column in memory (lib/search/column.ts).
      articles: 'key, lastSeenAt, site',
      // touchedAt: notes written since the search column was stored (lib/db/search-store.ts).
      annotations: 'id, articleKey, createdAt, deletedAt, touchedAt',
      // The search column: a meta record (0) and packs of notes' searchable text (1, 2, …).
      searchPacks: 'id',
    })
    .upgrade((tx) => upgradeToVersion6(tx, options.onUpgradeProgress));
  db.version(7)
    .stores({
      // No createdAt index (each entry repeats the note's id twice; ~10% of the storage at 100,000 notes): lists by
      // time come from the search column, newest first; the popup's recent notes from its newest packs and the notes
      // written since (lib/db/search-store.ts newestIds). IndexedDB drops the index's entries with it.
      annotations: 'id, articleKey, deletedAt, touchedAt',
    });
  db.version(8)
    .stores({
      // No touchedAt index (one entry per note, ≈ 9% of the storage at 100,000 notes): the notes written since the
      // search packs were stored are named by the write log instead (lib/db/write-log.ts), whose rows live only until
      // the packs hold them. IndexedDB drops the index's entries with it.
      annotations: 'id, articleKey, deletedAt',
      // The write log: one row per write of notes, numbered in commit order.
      noteWrites: '++seq',
    })
    .upgrade((tx) => upgradeToVersion8(tx, options.onUpgradeProgress));
  // Logs every write of notes, whoever writes.
  registerWriteLog(db);
  return db;
}
