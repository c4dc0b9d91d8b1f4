/**
 * The background's fold of the write log (lib/db/search-store.ts
 * foldAfterWrites): a reader who notes for months without opening the notebook
 * (the only page that stores its column) would pile up log rows, and the popup
 * would read every note they name at each open. After notes are written, the
 * background folds the log into the packs once it names 1,000 notes beyond
 * them: the log is pruned, the packs hold the notes (search counts exact), the
 * popup's newest list reads only what was written since; a fold racing other
 * writes, or another fold, loses nothing.
 */
import { expect, test, vi } from 'vitest';
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/db/annotations';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { searchNotes } from '@/lib/db/search';
import { FOLD_AFTER_WRITES, foldAfterWrites, foldWriteLog, forgetSearch, newestIds, searchColumn, writesBeyondPacks } from '@/lib/db/search-store';
import type { AnnotationRecord } from '@/lib/model/records';
import type { AnnotationDraft } from '@/lib/protocol/schema';
import { freshDatabases } from '../notebook/fresh-db';

const fresh = freshDatabases();
const PHRASES = ['落实一岗双责', '基层党组织建设', '从严治党', '三会一课制度'];

function draft(i: number, phrase = PHRASES[i % PHRASES.length]!): AnnotationDraft {
  return {
    page: { url: `https://www.gov.cn/zhengce/${i % 25}.htm`, title: `文章${i % 25}` },
    quote: { exact: `第${i}条${phrase}`, prefix: '前', suffix: '后' },
    position: { start: i, end: i + 10 },
    color: 'yellow',
    note: i % 9 === 0 ? '学习体会' : '',
  };
}

/** Live notes whose quote or note holds `query` (the plain scan). */
async function scan(db: YanduDb, query: string): Promise<number> {
  const all = await db.annotations.toArray();
  return all.filter((n) => n.deletedAt === null && (n.quote.exact.includes(query) || n.note.includes(query))).length;
}

/** The ids of the `count` newest live notes, by reading every note. */
async function newestByScan(db: YanduDb, count: number): Promise<string[]> {
  const live = (await db.annotations.toArray()).filter((n) => n.deletedAt === null);
  live.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return live.slice(0, count).map((n) => n.id);
}

/** A database with `count` notes and packs holding them, as the notebook left it; this page holds no column. */
async function withPacks(count: number): Promise<YanduDb> {
  const db = fresh();
  for (let i = 0; i < count; i++) await saveAnnotation(db, draft(i), 1_000 + i);
  await searchColumn(db);
  forgetSearch(db);
  expect(await db.noteWrites.count()).toBe(0);
  return db;
}

/** Search counts against the plain scan, on a handle that loads the column anew (packs, then the log). */
async function expectExactSearch(db: YanduDb): Promise<void> {
  const reader = openDb(db.name);
  try {
    for (const phrase of [...PHRASES, '学习体会', '并发写入']) expect((await searchNotes(reader, phrase, 5)).total, phrase).toBe(await scan(db, phrase));
  } finally {
    forgetSearch(reader);
    reader.close();
  }
}

test('after 1,000 notes written through the usual path, the background folds the log into the packs; the popup then reads only the notes written since', async () => {
  const db = await withPacks(40);
  const errors: unknown[] = [];
  const folding = foldAfterWrites(db, 0, (error) => errors.push(error));
  for (let i = 40; i < 40 + FOLD_AFTER_WRITES; i++) await saveAnnotation(db, draft(i), 1_000 + i);
  await folding.settled();
  expect(errors).toEqual([]);
  // The log is pruned; the packs hold every note (the search below reads no row of the log).
  expect(await db.noteWrites.count()).toBe(0);
  expect(await writesBeyondPacks(db)).toBe(0);
  const meta = (await db.searchPacks.get(0)) as { count: number };
  expect(meta.count).toBe(40 + FOLD_AFTER_WRITES);
  await expectExactSearch(db);

  // A few writes after the fold: a note added, one edited, one deleted. No fold for them.
  const added = await saveAnnotation(db, draft(5_000, '并发写入'), 9_000);
  const [edited] = await db.annotations.where('articleKey').equals('www.gov.cn/zhengce/3.htm').limit(1).toArray();
  await updateAnnotation(db, { id: edited!.id, revision: edited!.revision, note: '并发写入后的体会' }, 9_001);
  const deleted = (await newestByScan(db, 3))[2]!;
  await deleteAnnotation(db, deleted, 9_002);
  await folding.settled();
  expect(await db.noteWrites.count()).toBe(3);
  expect(await writesBeyondPacks(db)).toBe(3);

  // The popup's newest notes: the newest pack and the 3 notes written since, not the 1,000 before the fold.
  const bulkGet = vi.spyOn(db.annotations, 'bulkGet');
  const newest = await newestIds(db, 10);
  expect(Math.max(...bulkGet.mock.calls.map(([ids]) => ids.length))).toBe(3);
  bulkGet.mockRestore();
  expect(newest).toEqual(await newestByScan(db, 10));
  expect(newest[0]).toBe(added.id);
  expect(newest).not.toContain(deleted);
  await expectExactSearch(db);
});

test('writes below the threshold leave the log alone (no column loaded, no packs stored)', async () => {
  const db = await withPacks(10);
  const stamp = ((await db.searchPacks.get(0)) as { stamp: string }).stamp;
  const folding = foldAfterWrites(db, 0);
  for (let i = 10; i < 60; i++) await saveAnnotation(db, draft(i), 1_000 + i);
  await folding.settled();
  expect(await writesBeyondPacks(db)).toBe(50);
  expect(await foldWriteLog(db)).toBe(false);
  expect(((await db.searchPacks.get(0)) as { stamp: string }).stamp).toBe(stamp);
});

/** 1,000 notes in one write (one row of the log naming them all), on top of packs. */
async function bulkWritten(db: YanduDb): Promise<void> {
  const notes: AnnotationRecord[] = Array.from({ length: FOLD_AFTER_WRITES }, (_, k) => {
    const d = draft(100 + k);
    return { id: crypto.randomUUID(), articleKey: `www.gov.cn/zhengce/${k % 25}.htm`, quote: d.quote, position: d.position, color: d.color, note: d.note, createdAt: 2_000 + k, updatedAt: 2_000 + k, tags: [], revision: 1, deletedAt: null, unplacedAt: null };
  });
  await db.annotations.bulkAdd(notes);
}

test.each([0, 1, 3, 8, 20])('a fold racing note writes (started %i tasks later) and another fold loses nothing', async (later) => {
  const db = await withPacks(30);
  await bulkWritten(db);
  const other = openDb(db.name);
  try {
    const writes = (async () => {
      for (let t = 0; t < later; t++) await new Promise((resolve) => setTimeout(resolve, 0));
      const saved: string[] = [];
      for (let i = 0; i < 12; i++) {
        saved.push((await saveAnnotation(db, draft(10_000 + i, '并发写入'), 50_000 + i)).id);
        if (i === 5) await deleteAnnotation(db, saved[0]!, 60_000);
      }
      return saved;
    })();
    const [folded, otherFolded, saved] = await Promise.all([foldWriteLog(db), foldWriteLog(other), writes]);
    expect(folded || otherFolded).toBe(true);
    // Whatever the log still holds beyond the packs is what was written after the fold read it.
    expect(await writesBeyondPacks(db)).toBeLessThanOrEqual(13);
    await expectExactSearch(db);
    const newest = await newestIds(db, 12);
    expect(newest).toEqual(await newestByScan(db, 12));
    expect(newest.slice(0, 11)).toEqual(saved.slice(1).reverse());
  } finally {
    other.close();
  }
});
