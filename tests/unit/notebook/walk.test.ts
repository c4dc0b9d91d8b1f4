/**
 * Lists over many notes on fake-indexeddb: every filter, search and sort, paged,
 * gives exactly the notes a plain scan gives (also across batches and notes
 * sharing one time); the index follows edits; v3 and v4 databases upgrade; rebuild.
 */
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { queryNotes, type NoteFilter, type NoteSort } from '@/lib/db/notebook';
import type { AnnotationRecord } from '@/lib/db/records';
import type { YanduDb } from '@/lib/db/schema';
import { articleTerms, noteTerms, rebuildSearchIndex } from '@/lib/db/search';
import { HIGHLIGHT_COLORS } from '@/lib/protocol/schema';
import { freshDatabases } from './fresh-db';

const fresh = freshDatabases();

const SITES = ['www.gov.cn', 'www.12371.cn', 'dangjian.people.com.cn'];
const PHRASES = ['加强基层党组织建设', '推进网格化管理', '落实一岗双责', '开展创先争优活动', '坚持以人民为中心'];
/** More than a walk's batch and a search's rank window, so pages cross both. */
const COUNT = 650;

function notes(): AnnotationRecord[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `note-${String(i).padStart(4, '0')}`,
    articleKey: `${SITES[i % 3]}/a/${i % 40}.htm`,
    quote: { exact: `${PHRASES[i % 5]}，第${i}条`, prefix: '', suffix: '' },
    position: { start: 0, end: 10 },
    color: HIGHLIGHT_COLORS[i % 5]!,
    note: i % 4 === 0 ? `要${PHRASES[(i + 1) % 5]}` : '',
    // Groups of seven notes share one time.
    createdAt: 1_000_000 + Math.floor(i / 7) * 1_000,
    updatedAt: 0,
    tags: i % 6 === 0 ? ['三会一课'] : [],
    revision: 1,
    deletedAt: i % 50 === 0 ? 5 : null,
    unplacedAt: i % 9 === 0 ? 5 : null,
  }));
}

async function filled(db: YanduDb): Promise<AnnotationRecord[]> {
  const all = notes();
  await db.articles.bulkAdd(Array.from({ length: 40 * 3 }, (_, j) => {
    const site = SITES[j % 3]!;
    const key = `${site}/a/${Math.floor(j / 3)}.htm`;
    return { key, url: `http://${key}`, title: '通知', site, firstSeenAt: 0, lastSeenAt: 0 };
  }));
  await db.annotations.bulkAdd(all);
  return all;
}

function expected(all: AnnotationRecord[], filter: NoteFilter, sort: NoteSort): string[] {
  const q = filter.query ?? '';
  return all
    .filter((n) => n.deletedAt === null)
    .filter((n) => q === '' || n.quote.exact.includes(q) || n.note.includes(q) || n.tags.some((t) => t.includes(q)))
    .filter((n) => filter.site === undefined || n.articleKey.startsWith(`${filter.site}/`))
    .filter((n) => filter.tag === undefined || n.tags.includes(filter.tag))
    .filter((n) => filter.color === undefined || n.color === filter.color)
    .filter((n) => filter.from === undefined || n.createdAt >= filter.from)
    .filter((n) => filter.to === undefined || n.createdAt < filter.to)
    .filter((n) => filter.kind === undefined || (filter.kind === 'note' ? n.note !== '' : filter.kind === 'highlight' ? n.note === '' : n.unplacedAt !== null))
    .sort((a, b) => (sort === 'oldest' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt))
    .map((n) => n.id);
}

async function allPages(db: YanduDb, filter: NoteFilter, sort: NoteSort, size: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await queryNotes(db, filter, sort, offset, size);
    ids.push(...page.rows.map((r) => r.note.id));
    if (!page.hasMore) return ids;
  }
}

/** Same set, and the same times in the same order (notes of one time may come in any order). */
function sameList(db: AnnotationRecord[], got: string[], want: string[]): void {
  const time = new Map(db.map((n) => [n.id, n.createdAt]));
  expect([...got].sort()).toEqual([...want].sort());
  expect(got.map((id) => time.get(id))).toEqual(want.map((id) => time.get(id)));
}

describe('lists over many notes', () => {
  test.each<[NoteFilter, NoteSort]>([
    [{}, 'newest'],
    [{}, 'oldest'],
    [{ site: 'www.12371.cn' }, 'newest'],
    [{ tag: '三会一课' }, 'oldest'],
    [{ color: 'pink' }, 'newest'],
    [{ kind: 'note' }, 'newest'],
    [{ kind: 'highlight' }, 'oldest'],
    [{ kind: 'unplaced' }, 'newest'],
    [{ from: 1_020_000, to: 1_060_000 }, 'newest'],
    [{ query: '基层党组织' }, 'newest'],
    [{ query: '网格化', site: 'www.gov.cn', color: 'green' }, 'oldest'],
    [{ query: '一岗双责', tag: '三会一课' }, 'newest'],
    [{ query: '第1' }, 'newest'],
    [{ query: '责' }, 'newest'],
    [{ query: '不存在' }, 'newest'],
  ])('%j %s, in pages of 70, is exactly what a scan gives', async (filter, sort) => {
    const db = fresh();
    const all = await filled(db);
    sameList(all, await allPages(db, filter, sort, 70), expected(all, filter, sort));
  });

  // Several terms and facets: their keys are intersected a batch at a time; small pages cross batches inside groups of one time.
  test.each<[NoteFilter, NoteSort, number]>([
    [{ query: '基层党组织', site: 'www.12371.cn' }, 'newest', 5],
    [{ query: '基层党组织', site: 'www.12371.cn' }, 'oldest', 3],
    [{ query: '创先争优', site: 'www.gov.cn', kind: 'note' }, 'newest', 4],
    [{ site: 'www.gov.cn', color: 'pink' }, 'oldest', 6],
    [{ tag: '三会一课', kind: 'unplaced' }, 'newest', 2],
    [{ query: '人民', color: 'pink', from: 1_020_000, to: 1_080_000 }, 'newest', 7],
    [{ query: '加强基层', site: 'www.gov.cn', tag: '三会一课' }, 'oldest', 1],
    [{ query: '网格化', site: 'www.12371.cn', color: 'blue' }, 'newest', 3],
  ])('%j %s, in pages of %i, is exactly what a scan gives', async (filter, sort, size) => {
    const db = fresh();
    const all = await filled(db);
    sameList(all, await allPages(db, filter, sort, size), expected(all, filter, sort));
  });

  test('a search by relevance ranks its first matches: the reader’s own note before a quote', async () => {
    const db = fresh();
    const all = await filled(db);
    const ids = await allPages(db, { query: '网格化管理' }, 'relevance', 100);
    expect([...ids].sort()).toEqual(expected(all, { query: '网格化管理' }, 'newest').sort());
    const first = all.find((n) => n.id === ids[0])!;
    expect(first.note).toContain('网格化管理');
  });

  test('edits, deletion and restore move notes between facets', async () => {
    const db = fresh();
    await filled(db);
    const id = 'note-0001';
    await db.annotations.update(id, { color: 'purple', tags: ['调研'], note: '网格员' });
    expect((await allPages(db, { tag: '调研' }, 'newest', 50))).toEqual([id]);
    expect((await allPages(db, { query: '网格员', color: 'purple', kind: 'note' }, 'newest', 50))).toEqual([id]);
    await db.annotations.update(id, { deletedAt: 7 });
    expect((await allPages(db, { tag: '调研' }, 'newest', 50))).toEqual([]);
    await db.annotations.update(id, { deletedAt: null });
    expect((await allPages(db, { tag: '调研' }, 'newest', 50))).toEqual([id]);
  });

  test('rebuildSearchIndex restores terms that went stale, in chunks', async () => {
    const db = fresh();
    const all = await filled(db);
    // Terms as an older tokeniser wrote them (written past the hooks).
    await db.transaction('rw', db.annotations, async (tx) => {
      await tx.idbtrans.objectStore('annotations').put({ ...all[3], terms: ['旧'] });
    });
    expect(await allPages(db, { query: '开展创先争优' }, 'newest', 200)).not.toContain('note-0003');
    expect(await rebuildSearchIndex(db)).toBe(COUNT);
    expect(await allPages(db, { query: '开展创先争优' }, 'newest', 200)).toContain('note-0003');
  });
});

/** The stores of versions 3 and 4, as lib/db/schema.ts declares them (v4 changed only what `terms` holds). */
const STORES_V3_V4 = {
  articles: 'key, lastSeenAt, site, *terms',
  annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags',
  tags: 'name',
  meta: 'key',
  summaries: 'articleKey, lastReadAt',
  formulations: 'text, articles, firstSeenAt',
  sightings: 'id, text, articleKey',
};

describe('upgrade to version 4', () => {
  test('a version 3 database gets time-ordered postings and facets, nothing else changed', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(STORES_V3_V4);
    const all = notes().slice(0, 60);
    await v3.table('articles').bulkAdd(SITES.map((site) => ({ key: `${site}/a/0.htm`, url: `http://${site}/a/0.htm`, title: '通知', site, firstSeenAt: 0, lastSeenAt: 0, terms: ['通知', '知'] })));
    // v3 terms: plain bigrams.
    await v3.table('annotations').bulkAdd(all.map((n) => ({ ...n, terms: ['基层', '层党'] })));
    v3.close();
    const db = fresh(name);
    // Through 4 to the latest version.
    expect(db.verno).toBe(5);
    expect(await db.annotations.count()).toBe(60);
    sameList(all, await allPages(db, { query: '网格化' }, 'newest', 20), expected(all, { query: '网格化' }, 'newest'));
    sameList(all, await allPages(db, { tag: '三会一课' }, 'newest', 20), expected(all, { tag: '三会一课' }, 'newest'));
    const stored = await db.annotations.get(all[1]!.id);
    expect({ ...stored, terms: undefined }).toEqual({ ...all[1], terms: undefined });
  });
});

/** A single Han character's term (posting key or plain title term): what v4 indexed only at the end of a run. */
const SINGLE_CHAR = /^[\u4e00-\u9fff](\u0001|$)/;

describe('upgrade to version 5', () => {
  test('a version 4 database gets a term for every character; one-character queries find mid-word characters; nothing else changed', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(STORES_V3_V4);
    const all = notes().slice(0, 120);
    const articles = SITES.map((site) => ({ key: `${site}/a/0.htm`, url: `http://${site}/a/0.htm`, title: '网格化通知', site, firstSeenAt: 0, lastSeenAt: 0 }));
    // v4 terms: without the characters inside a run.
    await v4.table('articles').bulkAdd(articles.map((a) => ({ ...a, terms: articleTerms(a).filter((t) => !SINGLE_CHAR.test(t)) })));
    await v4.table('annotations').bulkAdd(all.map((n) => ({ ...n, terms: noteTerms(n).filter((t) => !SINGLE_CHAR.test(t)) })));
    v4.close();
    const db = fresh(name);
    expect(db.verno).toBe(5);
    for (const query of ['岗', '格', '基', '责']) sameList(all, await allPages(db, { query }, 'newest', 30), expected(all, { query }, 'newest'));
    const stored = await db.annotations.get(all[2]!.id);
    expect(stored).toEqual({ ...all[2], terms: noteTerms(all[2]!) });
    expect((await db.table('articles').get(articles[0]!.key))?.terms).toEqual(articleTerms(articles[0]!));
  });
});
