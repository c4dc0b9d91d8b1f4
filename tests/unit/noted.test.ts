/**
 * The set of articles with notes (issue 14): kept in step with every write to
 * the notes, whoever writes (background handlers, notebook deletes, a backup
 * import), so the reader script can skip asking the background on pages without.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleKey } from '@/lib/article-key';
import { exportBackup, importBackup } from '@/lib/backup';
import { deleteNotes, restoreNotes } from '@/lib/db/notebook';
import { keepNoted, liveArticleKeys, resyncNoted } from '@/lib/db/noted';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { notedEntry, notedStore, type NotedStore, type StorageAreaLike } from '@/lib/noted-articles';
import { createDbHandlers, type DbHandlers } from './support/answers';
import type { AnnotationDraft } from '@/lib/protocol/schema';

const URL_A = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html?utm_source=wx';
const URL_B = 'http://www.gov.cn/zhengce/content/b.htm';
const KEY_A = articleKey(URL_A);
const KEY_B = articleKey(URL_B);

/** browser.storage.local's behaviour for the calls used (values copied, as the real one does). */
function memoryArea(): StorageAreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      const names = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(names.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}

let db: YanduDb;
let name: string;
let area: ReturnType<typeof memoryArea>;
let store: NotedStore;
let keeper: { settled: () => Promise<void> };
let handlers: DbHandlers;

beforeEach(() => {
  name = `test-${crypto.randomUUID()}`;
  db = openDb(name);
  area = memoryArea();
  store = notedStore(area);
  keeper = keepNoted(db, store, (error) => {
    throw error;
  });
  handlers = createDbHandlers(db);
});
afterEach(async () => {
  db.close();
  await indexedDB.deleteDatabase(name);
});

function draft(exact: string, url = URL_A): AnnotationDraft {
  return {
    page: { url, title: '紧抓工作重点 突出实践特色' },
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note: '',
  };
}

/** The keys in the stored set, sorted. */
async function storedKeys(): Promise<string[]> {
  await keeper.settled();
  return [...area.data.keys()].filter((k) => k.startsWith('noted:')).map((k) => k.slice(6)).sort();
}

describe('the stored set follows the notes', () => {
  test('a save adds the article; other storage entries are left alone', async () => {
    area.data.set('markKinds', ['lead']);
    expect(await store.hasAny([KEY_A])).toBe(false);
    await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    expect(await storedKeys()).toEqual([KEY_A]);
    expect(await store.hasAny([KEY_A])).toBe(true);
    // The reader script asks with the page's own URL (another tracking parameter): the same key.
    expect(await store.hasAny([articleKey('http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html#top')])).toBe(true);
    expect(area.data.get('markKinds')).toEqual(['lead']);
  });

  test('deleting the last live note removes the article; restoring it adds it back', async () => {
    const first = await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    const second = await handlers.saveAnnotation(draft('二是要创新活动方式'));
    await handlers.saveAnnotation(draft('第一条', URL_B));
    await handlers.deleteAnnotation({ id: first.id });
    expect(await storedKeys()).toEqual([KEY_A, KEY_B].sort());
    await handlers.deleteAnnotation({ id: second.id });
    expect(await storedKeys()).toEqual([KEY_B]);
    await handlers.restoreAnnotation({ id: second.id });
    expect(await storedKeys()).toEqual([KEY_A, KEY_B].sort());
  });

  test('the notebook’s batch delete and restore (its own database handle) update it too', async () => {
    const a = await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    const b = await handlers.saveAnnotation(draft('第一条', URL_B));
    await deleteNotes(db, [a.id, b.id]);
    expect(await storedKeys()).toEqual([]);
    await restoreNotes(db, [b.id]);
    expect(await storedKeys()).toEqual([KEY_B]);
  });

  test('an aborted transaction changes nothing', async () => {
    const saved = await handlers.saveAnnotation(draft('x'));
    await expect(
      db.transaction('rw', db.annotations, async () => {
        await db.annotations.add({ ...saved, id: 'other', articleKey: KEY_B });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await storedKeys()).toEqual([KEY_A]);
  });

  test('a backup imported into an empty database adds its articles, in one go', async () => {
    await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    await handlers.saveAnnotation(draft('第一条', URL_B));
    const file = await exportBackup(db);
    const otherName = `test-${crypto.randomUUID()}`;
    const other = openDb(otherName);
    const otherArea = memoryArea();
    const otherKeeper = keepNoted(other, notedStore(otherArea));
    try {
      await importBackup(other, file.data);
      await otherKeeper.settled();
      expect([...otherArea.data.keys()].sort()).toEqual([notedEntry(KEY_A), notedEntry(KEY_B)].sort());
    } finally {
      other.close();
      await indexedDB.deleteDatabase(otherName);
    }
  });
});

describe('the whole set, written again', () => {
  test('lists articles with a live note only and drops stale entries', async () => {
    const a = await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    await handlers.saveAnnotation(draft('第一条', URL_B));
    await handlers.deleteAnnotation({ id: a.id });
    expect([...(await liveArticleKeys(db))]).toEqual([KEY_B]);
    await keeper.settled();
    area.data.set(notedEntry('stale.example.org/x.html'), 1);
    area.data.delete(notedEntry(KEY_B));
    expect(await resyncNoted(db, store)).toBe(1);
    expect(await storedKeys()).toEqual([KEY_B]);
  });
});
