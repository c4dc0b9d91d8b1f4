/**
 * Bundled into a plain page by bench/notebook.bench.ts: fills a real (Chromium)
 * IndexedDB with a generated collection whose quotes and notes are cut from
 * real article texts at random offsets and lengths, and times the popup's and
 * the notebook's queries on it with the modules the extension ships (lib/db),
 * beside a plain in-memory scan of the same notes (the floor, and the truth
 * every result count is checked against).
 */
import { exportBackup, importBackup } from '../lib/backup';
import { popupSnapshot, queryNotes } from '../lib/db/notebook';
import type { NoteFilter, NoteSort } from '../lib/model/notebook';
import type { AnnotationRecord, ArticleRecord } from '../lib/model/records';
import type { YanduDb } from '../lib/db/database';
import { openDb } from '../lib/db/schema';
import { OWN_NOTES } from '../lib/model/notebook';
import { foldWriteLog, searchColumn, writesBeyondPacks } from '../lib/db/search-store';
import { normalizeForSearch } from '../lib/search';
import { SearchColumn } from '../lib/search/column';
import { HIGHLIGHT_COLORS } from '../lib/model/colors';
import { rng } from '../tests/support/random';
import { Dexie } from 'dexie';
import { defineShippedVersions } from '../tests/support/shipped-stores';

/** Notes written per bulkAdd (one transaction). */
const FILL_BATCH = 5_000;
/** Start of the generated reading history: 2023-01-01 (ms since epoch). */
const HISTORY_START = Date.UTC(2023, 0, 1);
/** Its length: three years, so a month's date filter holds about 1/36 of the notes. */
const HISTORY_MS = 3 * 365 * 24 * 3600 * 1000;
/** Sites and their weights: a few big ones, a long tail (the smallest holds about 0.5% of the notes). */
const SITES: [string, number][] = [
  ['www.gov.cn', 30], ['www.people.com.cn', 20], ['www.12371.cn', 15], ['www.qstheory.cn', 10], ['www.news.cn', 8],
  ['dangjian.people.com.cn', 6], ['www.gmw.cn', 4], ['www.bjsjs.gov.cn', 3], ['www.ccdi.gov.cn', 2], ['www.moe.gov.cn', 1], ['www.mee.gov.cn', 0.5],
];
/** Tags the reader uses, the first ones most. */
const TAGS = ['三会一课', '基层党建', '主题教育', '组织生活会', '心得体会', '中心组学习', '创先争优', '安全生产', '乡村振兴', '党风廉政', '重点摘录', '待核实', '会议发言', '调研', '宣传'];
/** Members whose notes came in a 学习包 (5% of the notes). */
const MEMBERS = [
  { id: 'member-1', name: '李华', branch: '第一支部' },
  { id: 'member-2', name: '王芳', branch: '第一支部' },
];

/** What the page is given. */
export interface FillSpec {
  /** Database name. */
  name: string;
  /** Articles in the collection. */
  articles: number;
  /** Notes in the collection. */
  notes: number;
  /** Texts quotes and notes are cut from (one per source article). */
  texts: string[];
  /** Seed of the generator. */
  seed: number;
}

/** How the fill went. */
export interface FillResult {
  /** Milliseconds per bulkAdd of FILL_BATCH notes (through openDb, the write log included). */
  batchMs: number[];
  /** Characters of text in the collection (every string of notes and articles). */
  rawChars: number;
  /** The same text as UTF-8 bytes. */
  rawUtf8: number;
}

function weighted<T>(random: () => number, items: [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [item, w] of items) if ((at -= w) <= 0) return item;
  return items[items.length - 1]![0];
}

const dbs = new Map<string, YanduDb>();
function db(name: string): YanduDb {
  if (!dbs.has(name)) dbs.set(name, openDb(name));
  return dbs.get(name)!;
}

/** A note as the plain scan holds it: its texts folded once (as search folds them), beside the record. */
type Scanned = { note: AnnotationRecord; quote: string; text: string; tags: string[] };
/** The notes of each database as plain objects in memory, for the plain scan. */
const memory = new Map<string, { notes: Scanned[]; siteOf: Map<string, string> }>();

function scanned(note: AnnotationRecord): Scanned {
  return { note, quote: normalizeForSearch(note.quote.exact), text: normalizeForSearch(note.note), tags: note.tags.map(normalizeForSearch) };
}

/** A version 4 UUID drawn from `random` (deterministic for a seed). */
function uuidFrom(random: () => number): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** A generator of notes cut from `texts`, for `articles`. */
function noteMaker(spec: FillSpec, articles: ArticleRecord[], source: Map<string, string>, random: () => number): (i: number) => AnnotationRecord {
  const tagWeights = TAGS.map((t, i): [string, number] => [t, 1 / (i + 1)]);
  const cut = (text: string, min: number, max: number): { start: number; text: string } => {
    const length = min + Math.floor(random() * (max - min));
    const start = Math.floor(random() * Math.max(1, text.length - length));
    return { start, text: text.slice(start, start + length) };
  };
  return () => {
    const article = articles[Math.floor(random() * articles.length)]!;
    const text = source.get(article.key)!;
    const quote = cut(text, 6, 90);
    const createdAt = article.firstSeenAt + Math.floor(random() * 30 * 24 * 3600 * 1000);
    const tagCount = random() < 0.6 ? 0 : random() < 0.7 ? 1 : 2;
    const author = random() < 0.05 ? MEMBERS[Math.floor(random() * MEMBERS.length)] : undefined;
    return {
      // Shaped as the extension's ids (crypto.randomUUID, lib/uuid.ts): each index entry repeats the id.
      id: uuidFrom(random),
      articleKey: article.key,
      quote: { exact: quote.text || '。', prefix: text.slice(Math.max(0, quote.start - 32), quote.start), suffix: text.slice(quote.start + quote.text.length, quote.start + quote.text.length + 32) },
      position: { start: quote.start, end: quote.start + quote.text.length },
      color: HIGHLIGHT_COLORS[Math.floor(random() * random() * HIGHLIGHT_COLORS.length)]!,
      // A note: words of the reader, here cut from another article.
      note: random() < 0.3 ? cut(spec.texts[Math.floor(random() * spec.texts.length)]!, 4, 60).text : '',
      createdAt,
      updatedAt: createdAt,
      tags: [...new Set(Array.from({ length: tagCount }, () => weighted(random, tagWeights)))],
      revision: 1,
      deletedAt: random() < 0.01 ? createdAt + 1000 : null,
      unplacedAt: random() < 0.02 ? createdAt + 1000 : null,
      ...(author ? { author } : {}),
    };
  };
}

/** Characters of every string in a record (recursively). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('');
  return '';
}

/** Fills database `spec.name` with `spec.articles` articles and `spec.notes` notes. */
export async function fill(spec: FillSpec): Promise<FillResult> {
  const random = rng(spec.seed);
  const target = db(spec.name);
  const source = new Map<string, string>();
  const articles: ArticleRecord[] = Array.from({ length: spec.articles }, (_, a) => {
    const site = weighted(random, SITES);
    const seen = HISTORY_START + Math.floor(random() * HISTORY_MS);
    const key = `${site}/a/${a}.htm`;
    const text = spec.texts[Math.floor(random() * spec.texts.length)]!;
    source.set(key, text);
    return { key, url: `http://${key}`, title: text.slice(0, 24).replace(/\s+/g, ' '), site, firstSeenAt: seen, lastSeenAt: seen };
  });
  await target.articles.bulkAdd(articles);
  const make = noteMaker(spec, articles, source, random);
  const batchMs: number[] = [];
  const all: AnnotationRecord[] = [];
  for (let start = 0; start < spec.notes; start += FILL_BATCH) {
    const batch = Array.from({ length: Math.min(FILL_BATCH, spec.notes - start) }, (_, k) => make(start + k));
    const b0 = performance.now();
    await target.annotations.bulkAdd(batch);
    batchMs.push(performance.now() - b0);
    all.push(...batch);
  }
  await target.tags.bulkPut(TAGS.map((name, i) => ({ name, lastUsedAt: i })));
  memory.set(spec.name, { notes: all.map(scanned), siteOf: new Map(articles.map((a) => [a.key, a.site])) });
  const raw = textOf(articles) + textOf(all);
  return { batchMs, rawChars: raw.length, rawUtf8: new TextEncoder().encode(raw).length };
}

/** Adds `count` more notes to `name` (as the reader's saves and imports do, through the hooks); the milliseconds it took. */
export async function addNotes(name: string, count: number, seed: number): Promise<number> {
  const target = db(name);
  const mem = memory.get(name)!;
  const articles = await target.articles.toArray();
  const texts = [...new Set(mem.notes.slice(0, 2_000).map(({ note: n }) => n.quote.prefix + n.quote.exact + n.quote.suffix))];
  const source = new Map(articles.map((a, i) => [a.key, texts[i % texts.length]!]));
  const make = noteMaker({ name: `${name}+${seed}`, articles: 0, notes: count, texts, seed }, articles, source, rng(seed));
  const notes = Array.from({ length: count }, (_, i) => make(i));
  const t0 = performance.now();
  for (let start = 0; start < count; start += FILL_BATCH) await target.annotations.bulkAdd(notes.slice(start, start + FILL_BATCH));
  const ms = performance.now() - t0;
  mem.notes.push(...notes.map(scanned));
  return ms;
}

/**
 * Folds the write log of `name` into its packs as the background does after a note write (foldWriteLog): its
 * milliseconds, and the notes the log names beyond the packs before and after.
 */
export async function foldLog(name: string): Promise<{ ms: number; folded: boolean; before: number; after: number }> {
  const target = db(name);
  const before = await writesBeyondPacks(target);
  const t0 = performance.now();
  const folded = await foldWriteLog(target);
  const ms = performance.now() - t0;
  return { ms, folded, before, after: await writesBeyondPacks(target) };
}

/** Bytes the origin stores (navigator.storage.estimate). */
export async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** Loads the search column of `name` (the first time: built from every note and stored); milliseconds. */
export async function loadColumn(name: string): Promise<number> {
  const t0 = performance.now();
  await searchColumn(db(name));
  return performance.now() - t0;
}

/** The plain scan: every live note in memory, `includes` on quote, note and tags, and the filter's fields. */
function scan(name: string, filter: NoteFilter): number {
  const { notes, siteOf } = memory.get(name)!;
  const q = filter.query ?? '';
  let n = 0;
  for (const { note, quote, text, tags } of notes) {
    if (note.deletedAt !== null) continue;
    if (q !== '' && !(quote.includes(q) || text.includes(q) || tags.some((t) => t.includes(q)))) continue;
    if (filter.site !== undefined && siteOf.get(note.articleKey) !== filter.site) continue;
    if (filter.tag !== undefined && !note.tags.includes(filter.tag)) continue;
    if (filter.color !== undefined && note.color !== filter.color) continue;
    if (filter.from !== undefined && note.createdAt < filter.from) continue;
    if (filter.to !== undefined && note.createdAt >= filter.to) continue;
    if (filter.kind === 'note' && note.note === '') continue;
    if (filter.kind === 'unplaced' && note.unplacedAt === null) continue;
    if (filter.author !== undefined && (note.author?.id ?? OWN_NOTES) !== filter.author) continue;
    n++;
  }
  return n;
}

/** One measured operation. */
export type Operation = { op: 'notes'; filter: NoteFilter; sort: NoteSort; limit: number } | { op: 'popup'; url: string };

async function runOnce(target: YanduDb, operation: Operation): Promise<{ rows: number; total: number | null }> {
  if (operation.op === 'notes') {
    const page = await queryNotes(target, operation.filter, operation.sort, 0, operation.limit);
    return { rows: page.rows.length, total: page.total };
  }
  const [snapshot, recent] = await Promise.all([popupSnapshot(target, { url: operation.url }), queryNotes(target, {}, 'newest', 0, 20)]);
  return { rows: snapshot.page.length + recent.rows.length, total: null };
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Medians of `runs` timed runs (after one warm-up, unless `warmUp` is false) of the operation and, for a list, of
 * the plain scan of the same filter, alternating.
 */
export async function measure(name: string, operation: Operation, runs: number, warmUp = true): Promise<{ median: number; scan: number | null; rows: number; total: number | null; truth: number | null }> {
  const target = db(name);
  const first = warmUp ? await runOnce(target, operation) : null;
  const filter = operation.op === 'notes' ? { ...operation.filter, query: normalizeForSearch(operation.filter.query ?? '') } : null;
  const truth = filter ? scan(name, filter) : null;
  const times: number[] = [];
  const scans: number[] = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await runOnce(target, operation);
    times.push(performance.now() - t0);
    if (filter) {
      const s0 = performance.now();
      scan(name, filter);
      scans.push(performance.now() - s0);
    }
  }
  return { median: median(times), scan: filter ? median(scans) : null, rows: (first ?? last)!.rows, total: (first ?? last)!.total, truth };
}

/** In a freshly loaded page: opens the database and runs the notebook's first search (column loaded from its packs). */
export async function firstSearch(name: string, query: string, limit: number): Promise<{ ms: number; total: number | null }> {
  const t0 = performance.now();
  const fresh = openDb(name);
  const page = await queryNotes(fresh, { query }, 'relevance', 0, limit);
  return { ms: performance.now() - t0, total: page.total };
}

/** In a freshly loaded page: the popup's first data (opens the database). */
export async function firstPopup(name: string, url: string): Promise<number> {
  const t0 = performance.now();
  const fresh = openDb(name);
  await Promise.all([popupSnapshot(fresh, { url }), queryNotes(fresh, {}, 'newest', 0, 20)]);
  return performance.now() - t0;
}

/** An article URL of the collection having notes (the popup's page). */
export async function someArticleUrl(name: string): Promise<string> {
  const note = (await db(name).annotations.limit(1).toArray())[0];
  return (await db(name).articles.get(note!.articleKey))!.url;
}

/** The backup of `name`, kept in the page for `restore`; its size and the milliseconds its export took. */
let backup: Uint8Array | null = null;
export async function makeBackup(name: string): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  backup = (await exportBackup(db(name))).data;
  return { bytes: backup.length, ms: performance.now() - t0 };
}

/**
 * Restores the kept backup into database `name` (empty, or not): milliseconds,
 * progress reports, notes after, and the search total of `query` after (the
 * restore updates the search column too). `cancelAt` (0..1): cancels there
 * instead, and reports whether the notes and the search stayed as they were.
 */
export async function restore(name: string, query: string, cancelAt?: number): Promise<{ ms: number; progress: number; notes: number; total: number | null; unchanged?: boolean }> {
  const target = db(name);
  const before = { notes: await target.annotations.count(), total: (await queryNotes(target, { query }, 'relevance', 0, 10)).total };
  const controller = new AbortController();
  let progress = 0;
  const t0 = performance.now();
  try {
    await importBackup(target, backup!, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        progress++;
        if (cancelAt !== undefined && done >= total * cancelAt) controller.abort();
      },
    });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
  }
  const ms = performance.now() - t0;
  const after = { notes: await target.annotations.count(), total: (await queryNotes(target, { query }, 'relevance', 0, 10)).total };
  return { ms, progress, ...after, ...(cancelAt !== undefined ? { unchanged: after.notes === before.notes && after.total === before.total } : {}) };
}

/** The plain scan's count for `query` on `name` (live notes). */
export function countContaining(name: string, query: string): number {
  return scan(name, { query: normalizeForSearch(query) });
}

/**
 * Postings as schema v5 kept them in a note's `terms` (multi-entry index), about as many as it had (55.5 per note
 * measured, issue 18): each distinct bigram of the folded quote, note and tags (characters of one-character text),
 * and the facets (article, colour, tags), each with the note's inverted time.
 */
function v5Terms(note: AnnotationRecord): string[] {
  const time = String.fromCharCode(0x4000 + ((note.createdAt / 2 ** 30) & 0x3fff), 0x4000 + ((note.createdAt / 2 ** 15) & 0x7fff), 0x4000 + (note.createdAt & 0x7fff));
  const text = normalizeForSearch([note.quote.exact, note.note, ...note.tags].join(' '));
  const terms = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) terms.add(text.slice(i, i + 2));
  if (text.length === 1) terms.add(text);
  const facets = [`a:${note.articleKey}`, `c:${note.color}`, ...note.tags.map((t) => `t:${t}`)];
  return [...[...terms].filter((t) => t.trim() !== ''), ...facets].map((t) => `${t}\u0001${time}`);
}

/**
 * Fills database `name` as schema v5 left it (its stores as they shipped, every note and article with its
 * postings in `terms`) with the notes of `from` (a database filled by `fill`); the index entries written.
 */
export async function fillVersion5(name: string, from: string): Promise<{ notes: number; terms: number; ms: number }> {
  const v5 = new Dexie(name);
  defineShippedVersions(v5, 5);
  const source = db(from);
  const t0 = performance.now();
  const articles = await source.articles.toArray();
  await v5.table('articles').bulkAdd(articles.map((a) => ({ ...a, terms: [...new Set(normalizeForSearch(a.title))].map((c) => `${c}\u0001`) })));
  let notes = 0;
  let terms = 0;
  for (let last: string | null = null; ; ) {
    const chunk: AnnotationRecord[] = await (last === null ? source.annotations.orderBy(':id') : source.annotations.where(':id').above(last)).limit(FILL_BATCH).toArray();
    const old = chunk.map((note) => {
      const { touchedAt: _t, ...rest } = note as AnnotationRecord & { touchedAt?: number };
      const postings = v5Terms(note);
      terms += postings.length;
      return { ...rest, terms: postings };
    });
    await v5.table('annotations').bulkAdd(old);
    notes += chunk.length;
    if (chunk.length < FILL_BATCH) break;
    last = chunk[chunk.length - 1]!.id;
  }
  await v5.table('tags').bulkPut(TAGS.map((tag, i) => ({ name: tag, lastUsedAt: i })));
  v5.close();
  return { notes, terms, ms: performance.now() - t0 };
}

/** Opens database `name` with this version's openDb (upgrading it): the milliseconds until open and the progress reports. */
async function openTimed(name: string): Promise<{ upgraded: YanduDb; ms: number; reports: number }> {
  let reports = 0;
  const t0 = performance.now();
  const upgraded = openDb(name, { onUpgradeProgress: () => reports++ });
  await upgraded.open();
  return { upgraded, ms: performance.now() - t0, reports };
}

/**
 * Opens database `name` (schema v5) with this version's openDb, which upgrades it to v8: the milliseconds until
 * it is open, the progress reports, the notes after (and whether any still carries `terms`), the stored column's
 * count; then deletes the database.
 */
export async function upgrade(name: string): Promise<{ ms: number; reports: number; notes: number; withTerms: number; columnCount: number; verno: number }> {
  const { upgraded, ms, reports } = await openTimed(name);
  const notes = await upgraded.annotations.count();
  const withTerms = await upgraded.annotations.filter((n) => 'terms' in n).count();
  const meta = (await upgraded.searchPacks.get(0)) as { count?: number } | undefined;
  const verno = upgraded.verno;
  upgraded.close();
  await Dexie.delete(name);
  return { ms, reports, notes, withTerms, columnCount: meta?.count ?? -1, verno };
}

/** Notes of a v7 fixture written after its packs were stored (read on top of them by v7; v8 logs them). */
const V7_WRITTEN_SINCE = 1_000;

/**
 * Fills database `name` as schema v7 left it (its stores as they shipped, every note with its `touchedAt` in the
 * index, the search packs of format 1 stored at a time `since`) with the notes of `from`; the last
 * V7_WRITTEN_SINCE notes are stamped after `since` (written after the packs), the rest before.
 */
export async function fillVersion7(name: string, from: string): Promise<{ notes: number; ms: number }> {
  const v7 = new Dexie(name);
  defineShippedVersions(v7, 7);
  const source = db(from);
  const t0 = performance.now();
  await v7.table('articles').bulkAdd(await source.articles.toArray());
  const since = Date.now() - 3_600_000;
  const all: AnnotationRecord[] = [];
  for (let last: string | null = null; ; ) {
    const chunk: AnnotationRecord[] = await (last === null ? source.annotations.orderBy(':id') : source.annotations.where(':id').above(last)).limit(FILL_BATCH).toArray();
    all.push(...chunk);
    if (chunk.length < FILL_BATCH) break;
    last = chunk[chunk.length - 1]!.id;
  }
  const packed = all.slice(0, all.length - V7_WRITTEN_SINCE);
  for (let start = 0; start < all.length; start += FILL_BATCH) {
    await v7.table('annotations').bulkAdd(all.slice(start, start + FILL_BATCH).map((note, i) => ({ ...note, touchedAt: start + i < packed.length ? since - 1 - (i % 1000) : since + i })));
  }
  const column = SearchColumn.build(packed);
  const packs = column.packs.map((pack, i) => ({ ...pack, touchedAt: new Float64Array(pack.ids.length), id: i + 1 }));
  await v7.table('searchPacks').bulkAdd([{ id: 0, format: 1, since, count: column.size, stamp: 'v7' }, ...packs]);
  v7.close();
  return { notes: all.length, ms: performance.now() - t0 };
}

/**
 * Opens database `name` (schema v7, fillVersion7) with this version's openDb, which upgrades it to v8: the
 * milliseconds until it is open, the progress reports, the notes after, the note ids in the write log, the total
 * of a search for `query` (packs and log); then deletes the database.
 */
export async function upgradeVersion7(name: string, query: string): Promise<{ ms: number; reports: number; notes: number; logged: number; total: number | null; verno: number }> {
  const { upgraded, ms, reports } = await openTimed(name);
  const notes = await upgraded.annotations.count();
  const logged = (await upgraded.noteWrites.toArray()).reduce((sum, row) => sum + row.ids.length, 0);
  const total = (await queryNotes(upgraded, { query }, 'relevance', 0, 40)).total;
  const verno = upgraded.verno;
  upgraded.close();
  await Dexie.delete(name);
  return { ms, reports, notes, logged, total, verno };
}
