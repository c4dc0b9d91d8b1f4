/**
 * The upgrade from schema v6 to v7 (the createdAt index dropped) on filled v6
 * databases as v6 left them: every note kept as it was, the index gone from
 * IndexedDB (no orphan index data), and lists by time still exact without it:
 * the newest notes read from the newest packs and the notes written since
 * (the popup, before a page loads the column), and from the column.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '@/lib/db/schema';
import { queryNotes } from '@/lib/db/notebook';
import { searchColumn } from '@/lib/db/search-store';
import { SearchColumn } from '@/lib/search/column';
import type { AnnotationRecord } from '@/lib/model/records';
import { defineShippedVersions } from '../support/shipped-stores';

const NOTES = 12_000;
/** When the v6 packs were stored. */
const SINCE = 50_000;
let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

function v6Notes(): (AnnotationRecord & { touchedAt: number })[] {
  return Array.from({ length: NOTES }, (_, i) => ({
    id: crypto.randomUUID(),
    articleKey: `www.gov.cn/a/${i % 30}.htm`,
    quote: { exact: `第${i}条`, prefix: '前', suffix: '后' },
    position: { start: i, end: i + 10 },
    color: 'yellow' as const,
    note: '',
    // Not in id order, some at the same time.
    createdAt: 1_000 + ((i * 7919) % NOTES) - (i % 97 === 0 ? 1 : 0),
    updatedAt: 1_000,
    tags: [],
    revision: 1,
    deletedAt: i % 50 === 0 ? 5_000 : null,
    unplacedAt: null,
    touchedAt: 0,
  }));
}

async function makeV6(notes: readonly AnnotationRecord[], packed?: readonly AnnotationRecord[]): Promise<string> {
  const name = `upgrade-v7-${crypto.randomUUID()}`;
  names.push(name);
  const v6 = new Dexie(name);
  defineShippedVersions(v6, 6);
  await v6.table('annotations').bulkAdd(notes);
  if (packed) {
    const column = SearchColumn.build(packed);
    await v6.table('searchPacks').bulkAdd([{ id: 0, format: 1, since: SINCE, count: column.size, stamp: 'v6' }, ...column.packs.map((pack, i) => ({ ...pack, id: i + 1 }))]);
  }
  v6.close();
  return name;
}

/** The ids of the live notes by time, as the createdAt index listed them (ties by id). */
function byTime(notes: AnnotationRecord[], order: 'newest' | 'oldest'): string[] {
  const live = notes.filter((n) => n.deletedAt === null);
  live.sort((a, b) => (order === 'newest' ? b.createdAt - a.createdAt : a.createdAt - b.createdAt) || (a.id < b.id ? -1 : 1));
  return live.map((n) => n.id);
}

test('v6 with packs and notes written since: every note kept, no createdAt index, lists by time exact without it', async () => {
  const packed = v6Notes();
  const notes = packed.map((n) => ({ ...n }));
  const newest = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  // Written after the packs: a new newest note, the newest packed note deleted, an old note made live again.
  notes.push({ ...notes[1]!, id: crypto.randomUUID(), createdAt: 99_999, touchedAt: SINCE + 1 });
  const gone = notes.findIndex((n) => n.id === newest.find((m) => m.deletedAt === null)!.id);
  notes[gone] = { ...notes[gone]!, deletedAt: SINCE + 2, touchedAt: SINCE + 2 };
  notes[0] = { ...notes[0]!, deletedAt: null, touchedAt: SINCE + 3 };
  const name = await makeV6(notes, packed);

  const db = openDb(name);
  await db.open();
  expect(db.verno).toBe(8);
  const after = new Map((await db.annotations.toArray()).map((n) => [n.id, n]));
  expect(after.size).toBe(notes.length);
  for (const note of notes) expect(after.get(note.id)).toEqual(note);
  // Lists by time before the column is loaded (the popup), deeper than one pack holds.
  expect((await queryNotes(db, {}, 'newest', 0, 20)).rows.map((r) => r.note.id)).toEqual(byTime(notes, 'newest').slice(0, 20));
  expect((await queryNotes(db, {}, 'newest', 100, 100)).rows.map((r) => r.note.id)).toEqual(byTime(notes, 'newest').slice(100, 200));
  // … and from the column.
  await searchColumn(db);
  expect((await queryNotes(db, {}, 'newest', 0, 20)).rows.map((r) => r.note.id)).toEqual(byTime(notes, 'newest').slice(0, 20));
  const oldest = await queryNotes(db, {}, 'oldest', 5_000, 40);
  expect(oldest.rows.map((r) => r.note.id)).toEqual(byTime(notes, 'oldest').slice(5_000, 5_040));
  expect(oldest.hasMore).toBe(true);
  db.close();

  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  expect([...raw.transaction('annotations', 'readonly').objectStore('annotations').indexNames].sort()).toEqual(['articleKey', 'deletedAt']);
  raw.close();
}, 120_000);

test('v6 without packs: the first list by time builds the column', async () => {
  const notes = v6Notes();
  const db = openDb(await makeV6(notes));
  const page = await queryNotes(db, {}, 'newest', 0, 20);
  expect(page.rows.map((r) => r.note.id)).toEqual(byTime(notes, 'newest').slice(0, 20));
  expect(page.hasMore).toBe(true);
  db.close();
}, 120_000);
