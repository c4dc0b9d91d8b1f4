/**
 * Upgrading: a database made with schema version 1 (its exact definition) and
 * filled with notes opens with the latest version and keeps every note.
 */
import { queryNotes } from '@/lib/db/notebook';
import { Dexie } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { articleKey } from '@/lib/article-key';
import { defineVersion1, openDb } from '@/lib/db/schema';
import { createDbHandlers } from './support/answers';

const name = `migration-${crypto.randomUUID()}`;
afterEach(async () => {
  await indexedDB.deleteDatabase(name);
});

/** v1 keys: scheme and host kept, tracking parameters and fragment dropped. */
const V1_ARTICLES = [
  { key: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html', url: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html?from=wx', title: '紧抓工作重点 突出实践特色', site: 'dangjian.people.com.cn', firstSeenAt: 100, lastSeenAt: 200 },
  { key: 'https://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html', url: 'https://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html', title: '', site: 'dangjian.people.com.cn', firstSeenAt: 50, lastSeenAt: 300 },
  { key: 'http://m.xinhuanet.com/2021-01/01/c_1126.htm', url: 'http://m.xinhuanet.com/2021-01/01/c_1126.htm', title: '新华时评', site: 'm.xinhuanet.com', firstSeenAt: 10, lastSeenAt: 20 },
];
const NOTES_PER_ARTICLE = 40;

test('a version 1 database with notes opens with the latest schema and keeps every note', async () => {
  const v1 = new Dexie(name);
  defineVersion1(v1);
  const notes = V1_ARTICLES.flatMap((article, a) =>
    Array.from({ length: NOTES_PER_ARTICLE }, (_, i) => ({
      id: crypto.randomUUID(),
      articleKey: article.key,
      quote: { exact: `第${a}篇第${i}条`, prefix: '前', suffix: '后' },
      position: { start: i * 10, end: i * 10 + 6 },
      color: 'yellow',
      note: i % 2 ? `批注${i}` : '',
      createdAt: 1000 + a * 100 + i,
      updatedAt: 1000 + a * 100 + i,
    })),
  );
  await v1.table('articles').bulkAdd(V1_ARTICLES);
  await v1.table('annotations').bulkAdd(notes);
  v1.close();

  const db = openDb(name);
  await db.open();
  // The latest version, whatever it is now (later versions add their own upgrades on top).
  expect(db.verno).toBeGreaterThanOrEqual(2);
  const upgraded = await db.annotations.toArray();
  expect(upgraded).toHaveLength(notes.length);
  for (const note of notes) {
    const after = upgraded.find((u) => u.id === note.id)!;
    expect(after).toMatchObject({
      quote: note.quote,
      position: note.position,
      note: note.note,
      createdAt: note.createdAt,
      tags: [],
      revision: 1,
      deletedAt: null,
      unplacedAt: null,
      articleKey: articleKey(note.articleKey),
    });
  }
  // http and https of one article become one article, keeping the earliest first sight and a title.
  const articles = await db.articles.toArray();
  expect(articles.map((a) => a.key).sort()).toEqual(['dangjian.people.com.cn/n1/2011/0315/c117092-seed.html', 'www.xinhuanet.com/2021-01/01/c_1126.htm']);
  expect(articles.find((a) => a.key.startsWith('dangjian'))).toMatchObject({ firstSeenAt: 50, lastSeenAt: 300, title: '紧抓工作重点 突出实践特色' });

  // The upgraded notes answer the v2 queries.
  const handlers = createDbHandlers(db);
  const page = await handlers.annotationsForArticle({ url: 'https://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html' });
  expect(page).toHaveLength(2 * NOTES_PER_ARTICLE);
  const edited = await handlers.updateAnnotation({ id: page[0]!.id, revision: 1, tags: ['迁移后'] });
  expect(edited.revision).toBe(2);
  expect((await queryNotes(db, {}, 'newest', 0, 500)).rows.length).toBe(notes.length);
  db.close();
});
