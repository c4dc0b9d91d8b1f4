/**
 * Keeps the set of articles with live notes (lib/noted-articles.ts) in step
 * with the database, whoever writes: Dexie hooks on `annotations` collect the
 * article keys a transaction touched, and once it has committed the set is
 * updated (an added live note: added; a note deleted, restored or moved: its
 * article checked again). Updates run one after another, in commit order.
 */
import type { Transaction } from 'dexie';
import type { NotedStore } from '../noted-articles';
import type { AnnotationRecord } from '../model/records';
import type { YanduDb } from './database';

/** Above this many articles to check, one pass over the index beats a query per article. */
const CHECK_ONE_BY_ONE = 200;

/** Whether the article has a live (not deleted) note. */
async function hasLiveNote(db: YanduDb, key: string): Promise<boolean> {
  const live = await db.annotations
    .where('articleKey')
    .equals(key)
    .filter((note) => note.deletedAt === null)
    .first();
  return live !== undefined;
}

/**
 * Every article key with a live note: the distinct keys of the articleKey index
 * (no note read), less those whose only notes are deleted (deleted notes are few:
 * the deletedAt index holds only them).
 */
export async function liveArticleKeys(db: YanduDb): Promise<Set<string>> {
  const keys = new Set((await db.annotations.orderBy('articleKey').uniqueKeys()) as string[]);
  const deleted = await db.annotations.where('deletedAt').above(-Infinity).toArray();
  for (const key of new Set(deleted.map((note) => note.articleKey))) {
    if (!(await hasLiveNote(db, key))) keys.delete(key);
  }
  return keys;
}

/** Of `keys`, those whose article has a live note. */
async function liveAmong(db: YanduDb, keys: ReadonlySet<string>): Promise<Set<string>> {
  if (keys.size > CHECK_ONE_BY_ONE) {
    const live = await liveArticleKeys(db);
    return new Set([...keys].filter((key) => live.has(key)));
  }
  const live = new Set<string>();
  for (const key of keys) if (await hasLiveNote(db, key)) live.add(key);
  return live;
}

/** Writes the whole set again from the database (install, upgrade, browser start). */
export async function resyncNoted(db: YanduDb, store: NotedStore): Promise<number> {
  const keys = await liveArticleKeys(db);
  await store.replaceAll(keys);
  return keys.size;
}

/** What one transaction did to the set. */
interface Touched {
  /** Articles that got a live note. */
  added: Set<string>;
  /** Articles that may have lost their last live note. */
  check: Set<string>;
}

/** Keeps `store` in step with every write to `db.annotations` made through this handle. */
export function keepNoted(
  db: YanduDb,
  store: NotedStore,
  onError: (error: unknown) => void = (error) => console.warn('[研读] 更新“有批注的文章”记录失败', error),
): { settled: () => Promise<void> } {
  const byTransaction = new WeakMap<Transaction, Touched>();
  let queue: Promise<void> = Promise.resolve();

  const apply = async ({ added, check }: Touched): Promise<void> => {
    await store.add([...added]);
    const unsure = new Set([...check].filter((key) => !added.has(key)));
    if (unsure.size === 0) return;
    const live = await liveAmong(db, unsure);
    await store.remove([...unsure].filter((key) => !live.has(key)));
  };

  const touch = (tx: Transaction, key: string | undefined, live: boolean): void => {
    if (typeof key !== 'string') return;
    let touched = byTransaction.get(tx);
    if (!touched) {
      const entry: Touched = { added: new Set(), check: new Set() };
      touched = entry;
      byTransaction.set(tx, entry);
      // After the commit only: an aborted transaction changed nothing.
      tx.on('complete', () => {
        queue = queue.then(() => apply(entry)).catch(onError);
      });
    }
    (live ? touched.added : touched.check).add(key);
  };

  db.annotations.hook('creating', (_id, note, tx) => touch(tx, note.articleKey, note.deletedAt === null));
  db.annotations.hook('updating', (mods, _id, note: AnnotationRecord, tx) => {
    const changes = mods as Partial<AnnotationRecord>;
    if (!('deletedAt' in changes) && !('articleKey' in changes)) return undefined;
    touch(tx, note.articleKey, false);
    const key = 'articleKey' in changes ? changes.articleKey : note.articleKey;
    const deletedAt = 'deletedAt' in changes ? changes.deletedAt : note.deletedAt;
    touch(tx, key, deletedAt === null);
    return undefined;
  });
  db.annotations.hook('deleting', (_id, note: AnnotationRecord | undefined, tx) => touch(tx, note?.articleKey, false));
  return { settled: () => queue };
}
