/**
 * The upgrade to schema v6 on a filled version 5 database (its stores as they
 * shipped, notes and articles carrying their postings in `terms`): every note
 * is kept as it was, the postings index and its field are gone (no orphan
 * index data), the search column is built and stored, and the upgrade reports
 * its progress chunk by chunk.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '@/lib/db/schema';
import { searchNotes } from '@/lib/db/search';
import { defineShippedVersions } from '../support/shipped-stores';

const NOTES = 5_500;
const ARTICLES = 40;
const name = `upgrade-v6-${crypto.randomUUID()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

const QUOTES = ['要健全基层党组织领导的治理机制', '打牢基础，层层压实责任', '组织创先进、党员争优秀', '坚持一岗双责'];

test('a filled version 5 database: every note kept, the postings index gone, the column built, progress in chunks', async () => {
  const v5 = new Dexie(name);
  defineShippedVersions(v5, 5);
  const articles = Array.from({ length: ARTICLES }, (_, a) => ({ key: `www.gov.cn/a/${a}.htm`, url: `http://www.gov.cn/a/${a}.htm`, title: `通知${a}`, site: 'www.gov.cn', firstSeenAt: a, lastSeenAt: a, terms: ['通知', '通', '知'] }));
  const notes = Array.from({ length: NOTES }, (_, i) => ({
    id: `note-${String(i).padStart(5, '0')}`,
    articleKey: articles[i % ARTICLES]!.key,
    quote: { exact: `${QUOTES[i % QUOTES.length]}${i}`, prefix: '前', suffix: '后' },
    position: { start: i, end: i + 10 },
    color: 'yellow',
    note: i % 3 === 0 ? `第${i}条批注` : '',
    createdAt: 1_000 + i,
    updatedAt: 1_000 + i,
    tags: i % 5 === 0 ? ['三会一课'] : [],
    revision: 1,
    deletedAt: i % 50 === 0 ? 5_000 : null,
    unplacedAt: null,
    // Postings as v5 stored them: terms and facets, each with the note's inverted time.
    terms: ['基层\u0001\u4000\u4000\u4000', '基\u0001\u4000\u4000\u4000', '\u0002*\u0001\u4000\u4000\u4000'],
  }));
  await v5.table('articles').bulkAdd(articles);
  await v5.table('annotations').bulkAdd(notes);
  await v5.table('tags').add({ name: '三会一课', lastUsedAt: 1 });
  v5.close();

  const progress: [number, number][] = [];
  const db = openDb(name, { onUpgradeProgress: (done, total) => progress.push([done, total]) });
  await db.open();
  expect(db.verno).toBe(8);

  // Every note kept, as it was (only the index field gone; v8 stamps nothing on notes).
  const after = await db.annotations.toArray();
  expect(after).toHaveLength(NOTES);
  const byId = new Map(after.map((n) => [n.id, n]));
  for (const { terms: _terms, ...note } of notes) {
    const stored = byId.get(note.id) as unknown as Record<string, unknown>;
    expect(stored).not.toHaveProperty('terms');
    expect(stored).toEqual(note);
  }
  for (const article of await db.articles.toArray()) expect(article).not.toHaveProperty('terms');

  // No orphan index data: IndexedDB itself has no terms (or tags) index any more.
  db.close();
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = raw.transaction(['annotations', 'articles', 'searchPacks'], 'readonly');
  expect([...tx.objectStore('annotations').indexNames].sort()).toEqual(['articleKey', 'deletedAt']);
  expect([...tx.objectStore('articles').indexNames].sort()).toEqual(['lastSeenAt', 'site']);
  raw.close();

  // Progress: from 0 to every note, chunk by chunk.
  expect(progress[0]).toEqual([0, NOTES]);
  expect(progress[progress.length - 1]).toEqual([NOTES, NOTES]);
  expect(progress.length).toBeGreaterThanOrEqual(4);
  expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));

  // The column is stored (live notes only), and search answers exactly.
  const reopened = openDb(name);
  const meta = (await reopened.searchPacks.get(0)) as { count: number };
  expect(meta.count).toBe(notes.filter((n) => n.deletedAt === null).length);
  for (const query of ['基层党组织', '一岗双责', '批注', '三会一课', '层']) {
    const expected = notes.filter((n) => n.deletedAt === null && (n.quote.exact.includes(query) || n.note.includes(query) || n.tags.some((t) => t.includes(query)))).length;
    expect((await searchNotes(reopened, query)).total).toBe(expected);
  }
  reopened.close();
}, 120_000);
