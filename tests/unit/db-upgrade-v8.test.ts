/**
 * The upgrade from schema v7 to v8 (the touchedAt index replaced by the write
 * log) on filled v7 databases as v7 left them: every note kept as it was, the
 * index gone from IndexedDB (no orphan index data), the notes written after
 * the stored packs still found by search and lists, progress reported; and the
 * log holds nothing for long: once a page stores its column, the rows the
 * packs hold are gone.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '@/lib/db/schema';
import { queryNotes } from '@/lib/db/notebook';
import { searchNotes } from '@/lib/db/search';
import { SearchColumn } from '@/lib/search/column';
import type { AnnotationRecord } from '@/lib/model/records';
import { defineShippedVersions } from '../support/shipped-stores';

const NOTES = 12_000;
/** When the v7 packs were stored (their `since`). */
const SINCE = 50_000;
const PHRASES = ['落实一岗双责', '基层党组织建设', '从严治党', '三会一课制度'];
let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

type V7Note = AnnotationRecord & { touchedAt: number };

function v7Notes(): V7Note[] {
  return Array.from({ length: NOTES }, (_, i) => ({
    id: crypto.randomUUID(),
    articleKey: `www.gov.cn/a/${i % 30}.htm`,
    quote: { exact: `第${i}条${PHRASES[i % PHRASES.length]}`, prefix: '前', suffix: '后' },
    position: { start: i, end: i + 10 },
    color: 'yellow' as const,
    note: i % 7 === 0 ? '学习体会' : '',
    createdAt: 1_000 + ((i * 7919) % NOTES),
    updatedAt: 1_000,
    tags: [],
    revision: 1,
    deletedAt: i % 50 === 0 ? 5_000 : null,
    unplacedAt: null,
    touchedAt: i % 3 === 0 ? 0 : SINCE - 1 - (i % 1000),
  }));
}

/** A v7 database holding `notes`, with packs of `packed` stored at SINCE (format 1) when given. */
async function makeV7(notes: readonly V7Note[], packed?: readonly AnnotationRecord[]): Promise<string> {
  const name = `upgrade-v8-${crypto.randomUUID()}`;
  names.push(name);
  const v7 = new Dexie(name);
  defineShippedVersions(v7, 7);
  await v7.table('annotations').bulkAdd(notes);
  if (packed) {
    const column = SearchColumn.build(packed);
    // As v6–v7 stored them: each pack with its notes' stamps.
    const packs = column.packs.map((pack, i) => ({ ...pack, touchedAt: new Float64Array(pack.ids.length), id: i + 1 }));
    await v7.table('searchPacks').bulkAdd([{ id: 0, format: 1, since: SINCE, count: column.size, stamp: 'v7' }, ...packs]);
  }
  v7.close();
  return name;
}

async function indexNames(name: string): Promise<string[]> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...raw.transaction('annotations', 'readonly').objectStore('annotations').indexNames].sort();
  raw.close();
  return names;
}

/** The plain scan: live notes whose quote or note holds `query`. */
function scan(notes: readonly AnnotationRecord[], query: string): number {
  return notes.filter((n) => n.deletedAt === null && (n.quote.exact.includes(query) || n.note.includes(query))).length;
}

function newest(notes: readonly AnnotationRecord[]): string[] {
  const live = notes.filter((n) => n.deletedAt === null);
  live.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return live.map((n) => n.id);
}

test('v7 with packs and notes written since: every note kept, no touchedAt index, the notes since found, progress', async () => {
  const packed = v7Notes();
  const notes = packed.map((n) => ({ ...n }));
  // Written after the packs (touchedAt at or after their since): a new note, an edit, a deletion, a note made live again.
  notes.push({ ...notes[1]!, id: crypto.randomUUID(), quote: { exact: '新写的一条网格化管理', prefix: '', suffix: '' }, createdAt: 99_999, touchedAt: SINCE + 1 });
  notes[2] = { ...notes[2]!, note: '改过的批注：网格化管理', touchedAt: SINCE };
  const live = notes.findIndex((n, i) => i > 10 && n.deletedAt === null && n.quote.exact.includes('从严治党'));
  notes[live] = { ...notes[live]!, deletedAt: SINCE + 2, touchedAt: SINCE + 2 };
  notes[0] = { ...notes[0]!, deletedAt: null, touchedAt: SINCE + 3 };
  const name = await makeV7(notes, packed);

  const progress: [number, number][] = [];
  const db = openDb(name, { onUpgradeProgress: (done, total) => progress.push([done, total]) });
  await db.open();
  expect(db.verno).toBe(8);
  // Every note kept exactly as it was (its old stamp too: nothing is rewritten).
  const after = new Map((await db.annotations.toArray()).map((n) => [n.id, n]));
  expect(after.size).toBe(notes.length);
  for (const note of notes) expect(after.get(note.id)).toEqual(note);
  // The notes written after the packs are in the log, nothing else.
  const rows = await db.noteWrites.toArray();
  expect(rows.flatMap((row) => row.ids).sort()).toEqual([notes[0]!.id, notes[2]!.id, notes[live]!.id, notes[notes.length - 1]!.id].sort());
  // Progress: every note read, in chunks.
  expect(progress[0]).toEqual([0, notes.length]);
  expect(progress[progress.length - 1]).toEqual([notes.length, notes.length]);
  expect(progress.length).toBeGreaterThanOrEqual(3);

  // Lists before the column is loaded (the popup: newest packs and the notes since), then search.
  expect((await queryNotes(db, {}, 'newest', 0, 20)).rows.map((r) => r.note.id)).toEqual(newest(notes).slice(0, 20));
  for (const query of ['网格化管理', '从严治党', '基层党组织', `第0条`, '学习体会']) expect((await searchNotes(db, query)).total).toBe(scan(notes, query));
  db.close();
  expect(await indexNames(name)).toEqual(['articleKey', 'deletedAt']);
}, 120_000);

test('v7 with packs and nothing written since: no row in the log; v7 without packs: the first search builds the column', async () => {
  const notes = v7Notes();
  const packedName = await makeV7(notes, notes);
  const packed = openDb(packedName);
  await packed.open();
  expect(await packed.noteWrites.count()).toBe(0);
  expect((await searchNotes(packed, '一岗双责')).total).toBe(scan(notes, '一岗双责'));
  packed.close();

  const bare = openDb(await makeV7(notes));
  expect((await searchNotes(bare, '从严治党')).total).toBe(scan(notes, '从严治党'));
  expect((await queryNotes(bare, {}, 'newest', 0, 20)).rows.map((r) => r.note.id)).toEqual(newest(notes).slice(0, 20));
  bare.close();
}, 120_000);

test('the log does not grow: a page that stores its column drops the rows it holds, and another page still finds every note', async () => {
  const notes = v7Notes().slice(0, 2_000);
  const name = await makeV7(notes, notes);
  const notebook = openDb(name);
  expect((await searchNotes(notebook, '网格化管理')).total).toBe(0);
  // Another page writes 1,500 notes (three requests: three rows), then edits one.
  const other = openDb(name);
  const fresh = Array.from({ length: 1_500 }, (_, i) => ({ ...notes[1]!, id: crypto.randomUUID(), quote: { exact: `网格化管理第${i}条`, prefix: '', suffix: '' }, createdAt: 90_000 + i }));
  for (let i = 0; i < fresh.length; i += 500) await other.annotations.bulkAdd(fresh.slice(i, i + 500));
  await other.annotations.update(fresh[0]!.id, { note: '一岗双责' });
  expect(await other.noteWrites.count()).toBe(4);
  // The notebook's next search reads them in and, as many changed, stores its column: the rows are dropped.
  expect((await searchNotes(notebook, '网格化管理')).total).toBe(1_500);
  for (let tries = 0; tries < 100 && (await other.noteWrites.count()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await other.noteWrites.count()).toBe(0);
  // A note written after that is logged again and found; a third page reads the stored packs and that note.
  await other.annotations.update(fresh[1]!.id, { note: '一岗双责' });
  expect(await other.noteWrites.count()).toBe(1);
  expect((await searchNotes(notebook, '一岗双责')).total).toBe(scan([...notes, ...fresh], '一岗双责') + 2);
  const third = openDb(name);
  expect((await searchNotes(third, '一岗双责')).total).toBe(scan([...notes, ...fresh], '一岗双责') + 2);
  expect((await searchNotes(third, '网格化管理')).total).toBe(1_500);
  // Deleted for good in another page (a purge): gone from the next search.
  await other.annotations.where('id').anyOf(fresh.slice(0, 10).map((n) => n.id)).delete();
  expect((await searchNotes(notebook, '网格化管理')).total).toBe(1_490);
  await other.annotations.clear();
  expect((await searchNotes(third, '网格化管理')).total).toBe(0);
  for (const db of [notebook, other, third]) db.close();
}, 120_000);
