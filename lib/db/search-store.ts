/**
 * Where the search column (lib/search/column.ts) lives in the database, and how
 * an open page keeps it current.
 *
 * - Table `searchPacks` (schema v6): record 0 is the meta record (`since`), the
 *   others are the packs, newest notes first. It holds derived data only: it is
 *   left out of backups and can be rebuilt from the notes at any time.
 * - Every write of a note stamps `touchedAt` (indexed), by a Dexie hook, whoever
 *   writes (this tab, another tab, the background, a restore).
 * - A page loads the packs once (a few dozen records), then reads the notes with
 *   `touchedAt >= since`: those written after the packs were stored. Before each
 *   search it reads the notes touched since its last look (minus SKEW_MS, for a
 *   write that took its time before it committed), so a note saved in another
 *   tab is found by the open notebook's next search. When another page stored
 *   newer packs (a restore), it loads those instead.
 * - When the notes read on top of the packs grow many (or old), the page stores
 *   its column as the new packs.
 */
import { Dexie, type Transaction } from 'dexie';
import { PACK_NOTES, SearchColumn } from '../search/column';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import { withoutDerived, type PackRecord, type PacksMeta, type SearchPackRecord, type YanduDb } from './database';

/** The meta record's key (packs are 1, 2, …). */
const META_ID = 0;
/** The pack layout written by this code. */
const PACK_FORMAT = 1;
/** A write may take this long between stamping `touchedAt` and committing. */
export const SKEW_MS = 60_000;
/** Store the column again once this many notes were read on top of the packs (changed, or read again). */
const STORE_AFTER_CHANGES = 1_000;
/** … or when any were and the packs are older than this. */
const STORE_AFTER_MS = 24 * 3600 * 1000;
/** Notes read per request when building the column from every note. */
const BUILD_CHUNK = 5_000;

/** A note as stored (schema v6): with the time it was last written. */
type Touched = AnnotationRecord & { touchedAt?: number };

/** Marks a transaction whose writes carry their own `touchedAt` (a restore that stores the packs itself). */
const OWN_STAMPS = Symbol('yanduOwnStamps');
type Marked = Transaction & { [OWN_STAMPS]?: boolean };

/** Whether `tx` (or the transaction it runs in) carries its own stamps. */
function ownStamps(tx: Transaction | undefined): boolean {
  for (let t = tx as (Marked & { parent?: Marked }) | undefined; t; t = t.parent) if (t[OWN_STAMPS]) return true;
  return false;
}

/**
 * Stamps `touchedAt` on every write of a note (called by openDb), whoever
 * writes; but a transaction marked by `stampsOfBulkWrite` keeps the stamps its
 * records carry.
 */
export function registerTouchHooks(db: YanduDb): void {
  db.annotations.hook('creating', (_key, note, tx) => {
    const touched = note as Touched;
    if (!(ownStamps(tx) && typeof touched.touchedAt === 'number')) touched.touchedAt = touchStamp();
  });
  db.annotations.hook('updating', (mods, _key, _note, tx) => (ownStamps(tx) && 'touchedAt' in mods ? undefined : { touchedAt: touchStamp() }));
}

/** The last stamp given in this page. */
let lastStamp = 0;

/**
 * A write's `touchedAt`: the time in milliseconds, but never twice the same
 * value. A column skips a note it holds with the same stamp (SearchColumn.apply),
 * so a save and an edit of one note in the same millisecond must differ: in one
 * page each stamp is above the last, and a random fraction keeps two pages
 * writing in the same millisecond apart.
 */
export function touchStamp(now: number = Date.now()): number {
  lastStamp = Math.max(now + Math.random() / 2, lastStamp + 1 / 1024);
  return lastStamp;
}

/**
 * For a bulk write that stores the packs itself (a restore), in its
 * transaction: marks the transaction so that its records keep `stamp` as their
 * `touchedAt`, a time before `since`, the packs' new bound. Writes of other
 * pages queued behind this transaction are stamped later, so they are read on
 * top of the packs; the restored notes are not read again.
 */
export function stampsOfBulkWrite(tx: Transaction): { stamp: number; since: number } {
  (tx as Marked)[OWN_STAMPS] = true;
  const since = Date.now() - SKEW_MS;
  return { stamp: since - 1, since };
}

function packRecords(column: SearchColumn, since: number): SearchPackRecord[] {
  const meta: PacksMeta = { id: META_ID, format: PACK_FORMAT, since, count: column.size, stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}` };
  return [meta, ...column.packs.map((pack, i) => ({ ...pack, id: i + 1 }))];
}

/** Replaces the stored packs by `column`'s (in the caller's transaction when there is one). */
export async function storePacks(db: YanduDb, column: SearchColumn, since: number): Promise<PacksMeta> {
  const records = packRecords(column, since);
  await db.transaction('rw', db.searchPacks, async () => {
    await db.searchPacks.clear();
    await db.searchPacks.bulkPut(records);
  });
  return records[0] as PacksMeta;
}

/** The stored column and its meta, or null when there is none (or of another layout). */
async function loadPacks(db: YanduDb): Promise<{ column: SearchColumn; meta: PacksMeta } | null> {
  const records = await db.searchPacks.toArray();
  const meta = records.find((r): r is PacksMeta => r.id === META_ID);
  if (!meta || meta.format !== PACK_FORMAT) return null;
  const packs = records.filter((r): r is PackRecord => r.id !== META_ID).sort((a, b) => a.id - b.id);
  return { column: new SearchColumn(packs), meta };
}

/** Every note, a chunk at a time, into a new column. */
async function buildFromNotes(table: Dexie.Table<Touched, string>, onChunk?: (read: number) => void): Promise<SearchColumn> {
  const notes: Touched[] = [];
  for (let last: string | null = null; ; ) {
    const chunk: Touched[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(BUILD_CHUNK).toArray();
    notes.push(...chunk);
    onChunk?.(notes.length);
    if (chunk.length < BUILD_CHUNK) break;
    last = chunk[chunk.length - 1]!.id;
  }
  return SearchColumn.build(notes);
}

/** An open page's column and what it knows about the stored packs. */
interface Live {
  column: SearchColumn;
  /** The next look reads notes touched at or after this. */
  readFrom: number;
  /** The stored packs' stamp this column started from (or stored). */
  stamp: string | null;
  /** The stored packs' `since`. */
  storedSince: number;
  /** Notes applied on top of the stored packs. */
  changes: number;
}

/** Each database handle's column, once loading began. */
const states = new WeakMap<YanduDb, Promise<Live>>();
/** The last look of each handle: looks run one after another. */
const looks = new WeakMap<YanduDb, Promise<unknown>>();
/** Each handle's column once loaded (what a list may search before its look, lib/db/search.ts). */
const loaded = new WeakMap<YanduDb, Live>();

/** Loads the stored packs (building them from the notes when there are none). */
async function open(db: YanduDb): Promise<Live> {
  const loaded = await loadPacks(db);
  if (loaded) return { column: loaded.column, readFrom: loaded.meta.since, stamp: loaded.meta.stamp, storedSince: loaded.meta.since, changes: 0 };
  const readAt = Date.now();
  const column = await db.transaction('r', db.annotations, () => buildFromNotes(db.annotations as Dexie.Table<Touched, string>));
  const since = readAt - SKEW_MS;
  const meta = await storePacks(db, column, since);
  return { column, readFrom: since, stamp: meta.stamp, storedSince: since, changes: 0 };
}

/** Reads the notes touched since the last look into the column; reloads newer packs stored by another page. */
async function look(db: YanduDb, state: Live): Promise<void> {
  const readAt = Date.now();
  // Both reads at once: one round trip per search.
  const read = (): Promise<[PacksMeta | undefined, Touched[]]> =>
    Promise.all([db.searchPacks.get(META_ID) as Promise<PacksMeta | undefined>, db.annotations.where('touchedAt').aboveOrEqual(state.readFrom).toArray() as Promise<Touched[]>]);
  let [meta, touched] = await read();
  if (meta && meta.stamp !== state.stamp && meta.since > state.readFrom) {
    const loaded = await loadPacks(db);
    if (loaded) {
      Object.assign(state, { column: loaded.column, readFrom: loaded.meta.since, stamp: loaded.meta.stamp, storedSince: loaded.meta.since, changes: 0 });
      [meta, touched] = await read();
    }
  }
  state.changes += state.column.apply(touched);
  state.readFrom = Math.max(state.readFrom, readAt - SKEW_MS);
  // Stored again when many notes changed, when many were read again (a page opening after a burst of
  // writes: the new bound skips them once they are SKEW_MS old), or when any changed and the packs are old.
  const stale =
    state.changes >= STORE_AFTER_CHANGES ||
    (touched.length >= STORE_AFTER_CHANGES && state.readFrom > state.storedSince) ||
    (state.changes > 0 && readAt - state.storedSince > STORE_AFTER_MS);
  if (stale) {
    const since = state.readFrom;
    state.changes = 0;
    state.storedSince = since;
    // Stored in the background: the search answers now.
    void storePacks(db, state.column, since)
      .then((stored) => (state.stamp = stored.stamp))
      .catch((error: unknown) => console.warn('[研读] 搜索数据保存失败', error));
  }
}

/**
 * The column of `db`, current as of now: loaded on first use (the packs, then
 * the notes written since), then brought up to date at each call.
 */
export function searchColumn(db: YanduDb): Promise<SearchColumn> {
  let state = states.get(db);
  if (!state) {
    state = open(db);
    states.set(db, state);
    state.then(
      (live) => loaded.set(db, live),
      () => states.delete(db),
    );
  }
  const loading = state;
  const previous = looks.get(db) ?? Promise.resolve();
  const mine = previous
    .catch(() => undefined)
    .then(async () => {
      const current = await loading;
      await look(db, current);
      return current.column;
    });
  looks.set(db, mine);
  return mine;
}

/**
 * The ids of the `count` newest live notes, newest first, without loading the
 * whole column (the popup: schema v7 has no createdAt index): the stored packs
 * are newest first, so the newest packs that hold `count` notes not written
 * since, and the notes written since, hold them. Without stored packs, the
 * column is loaded (and built).
 */
export async function newestIds(db: YanduDb, count: number): Promise<string[]> {
  const meta = (await db.searchPacks.get(META_ID)) as PacksMeta | undefined;
  if (!meta || meta.format !== PACK_FORMAT) return (await searchColumn(db)).search({ query: '' }, 'newest', 0, count).hits.map((hit) => hit.id);
  const [first, touched] = await Promise.all([
    db.searchPacks.get(1) as Promise<PackRecord | undefined>,
    db.annotations.where('touchedAt').aboveOrEqual(meta.since).toArray() as Promise<Touched[]>,
  ]);
  const since = new Map(touched.map((note) => [note.id, note]));
  const candidates: { id: string; createdAt: number }[] = [];
  let unchanged = 0;
  for (let id = 1, pack = first; pack && unchanged < count; pack = (await db.searchPacks.get(++id)) as PackRecord | undefined) {
    pack.ids.forEach((noteId, i) => {
      if (since.has(noteId)) return;
      candidates.push({ id: noteId, createdAt: pack!.createdAt[i]! });
      unchanged++;
    });
  }
  for (const note of since.values()) if (note.deletedAt === null) candidates.push({ id: note.id, createdAt: note.createdAt });
  candidates.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates.slice(0, count).map((c) => c.id);
}

/**
 * The column of `db` as loaded, without looking for notes written since (null
 * before it is loaded), and its version: a list may search it and read its page
 * in the same round trip as the look (`searchColumn`), and keep that page when
 * the look changed nothing (`unchangedSince`).
 */
export function loadedColumn(db: YanduDb): { column: SearchColumn; version: number } | null {
  const live = loaded.get(db);
  return live ? { column: live.column, version: live.column.version } : null;
}

/** Brings the column up to date (searchColumn); whether it is still `seen` (the same column, unchanged). */
export async function unchangedSince(db: YanduDb, seen: { column: SearchColumn; version: number }): Promise<boolean> {
  const column = await searchColumn(db);
  return column === seen.column && column.version === seen.version;
}

/**
 * The articles a list shows beside its notes (title and address), held in
 * memory with the column: all of them read at once (one request; a few
 * thousand small records), instead of one request per article for each page
 * of a list. Read again after any article is written: Dexie reports every
 * committed write (`storagemutated`), in this page and, through a
 * BroadcastChannel, in the background and the other pages.
 */
const heldArticles = new WeakMap<YanduDb, { generation: number; articles: Promise<Map<string, ArticleRecord>>; ready: Map<string, ArticleRecord> | null }>();
/** Per database name: how many times its articles were written, as far as this page heard. */
const articleWrites = new Map<string, number>();
let hearingWrites = false;

function hearArticleWrites(): void {
  if (hearingWrites) return;
  hearingWrites = true;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      // idb://<database>/articles/<index>
      const found = /^idb:\/\/(.*)\/articles\/[^/]*$/.exec(part);
      if (found) articleWrites.set(found[1]!, (articleWrites.get(found[1]!) ?? 0) + 1);
    }
  });
}

/** The held articles of `db` (reading them all when they are not held or were written since), and the map once read. */
function articlesHeld(db: YanduDb): { articles: Promise<Map<string, ArticleRecord>>; ready: Map<string, ArticleRecord> | null } {
  hearArticleWrites();
  const generation = articleWrites.get(db.name) ?? 0;
  let held = heldArticles.get(db);
  if (!held || held.generation !== generation) {
    const entry: NonNullable<typeof held> = { generation, articles: db.articles.toArray().then((all) => new Map(all.map((a) => [a.key, withoutDerived(a)]))), ready: null };
    entry.articles.then(
      (map) => (entry.ready = map),
      () => heldArticles.delete(db),
    );
    heldArticles.set(db, (held = entry));
  }
  return held;
}

/**
 * The stored articles of `keys` (those that exist), from memory; an article not yet heard of is read. While all
 * of them are still being read (the notebook just opened), the page's own are read by key instead of waiting.
 */
export async function articlesOf(db: YanduDb, keys: readonly string[]): Promise<ArticleRecord[]> {
  if (keys.length === 0) return [];
  const current = heldArticles.get(db);
  const held = current && current.generation === (articleWrites.get(db.name) ?? 0) ? current.ready : null;
  if (!held) {
    const page = (await db.articles.bulkGet([...keys])).flatMap((article) => (article ? [withoutDerived(article)] : []));
    // Then all of them, for the next lists (not before: the page would wait behind them).
    void articlesHeld(db).articles.catch(() => undefined);
    return page;
  }
  const missing = keys.filter((key) => !held.has(key));
  // Written a moment ago, before its write was heard of: read it (held until the write is heard).
  if (missing.length > 0) for (const article of await db.articles.bulkGet(missing)) if (article) held.set(article.key, withoutDerived(article));
  return keys.flatMap((key) => held.get(key) ?? []);
}

/** Starts loading the column and the articles (the notebook calls it on open, so that the first search finds them loaded). */
export function warmSearch(db: YanduDb): void {
  void searchColumn(db).catch((error: unknown) => console.warn('[研读] 搜索数据读取失败', error));
  void articlesHeld(db).articles.catch((error: unknown) => console.warn('[研读] 文章数据读取失败', error));
}

/** Forgets `db`'s loaded column and articles (tests; a page that closed its database). */
export function forgetSearch(db: YanduDb): void {
  states.delete(db);
  loaded.delete(db);
  looks.delete(db);
  heldArticles.delete(db);
}

/**
 * Inside a bulk write's transaction holding `annotations` and `searchPacks`
 * for writing (a restore, after stampsOfBulkWrite and after writing `changes`
 * stamped with its stamp): the stored column with the notes touched since and
 * `changes` applied, stored with the bulk write's `since`. `onlyChanges`: the
 * notes table held nothing before the bulk write, so `changes` are every note
 * (the column is built from them, without reading them back).
 */
export async function updatePacksInTransaction(db: YanduDb, changes: readonly Touched[], since: number, onlyChanges = false): Promise<void> {
  if (onlyChanges) {
    await storePacks(db, SearchColumn.build(changes), since);
    return;
  }
  const loaded = await loadPacks(db);
  const column = loaded?.column ?? (await buildFromNotes(db.annotations as Dexie.Table<Touched, string>));
  if (loaded) column.apply((await db.annotations.where('touchedAt').aboveOrEqual(loaded.meta.since).toArray()) as Touched[]);
  column.apply(changes);
  await storePacks(db, column, since);
}

/** Progress of a long upgrade: notes done of all. */
export type UpgradeProgress = (done: number, total: number) => void;

/** Notes rewritten per chunk by the v6 upgrade. */
const UPGRADE_CHUNK = 2_000;

/**
 * v5 → v6: the postings index is gone (its `terms` field is removed from every
 * note and article, the index itself by the schema), notes get `touchedAt`, and
 * the search column is built from every note and stored. Runs in chunks of
 * UPGRADE_CHUNK notes, reporting progress; every note is kept.
 */
export async function upgradeToVersion6(tx: Transaction, onProgress?: UpgradeProgress): Promise<void> {
  // No other connection is open during an upgrade: nothing can be queued behind it.
  (tx as Marked)[OWN_STAMPS] = true;
  const notes = tx.table<Touched & { terms?: unknown }, string>('annotations');
  const total = await notes.count();
  const all: Touched[] = [];
  onProgress?.(0, total);
  for (let last: string | null = null; ; ) {
    const chunk: (Touched & { terms?: unknown })[] = await (last === null ? notes.orderBy(':id') : notes.where(':id').above(last)).limit(UPGRADE_CHUNK).toArray();
    const clean = chunk.map((note) => ({ ...withoutDerived(note), touchedAt: 0 }));
    await notes.bulkPut(clean);
    all.push(...clean);
    onProgress?.(all.length, total);
    if (chunk.length < UPGRADE_CHUNK) break;
    last = chunk[chunk.length - 1]!.id;
  }
  await tx
    .table<{ terms?: unknown }, string>('articles')
    .toCollection()
    .modify((article) => {
      delete article.terms;
    });
  const column = SearchColumn.build(all);
  await tx.table('searchPacks').bulkPut(packRecords(column, Date.now() + 1));
}

export { PACK_NOTES };
