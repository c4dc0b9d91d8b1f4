/**
 * Where the search column (lib/search/column.ts) lives in the database, and how
 * an open page keeps it current.
 *
 * - Table `searchPacks` (schema v6): record 0 is the meta record (`seq`), the
 *   others are the packs, newest notes first. It holds derived data only: it is
 *   left out of backups and can be rebuilt from the notes at any time.
 * - Every transaction that writes notes adds a row to the write log (schema v8,
 *   lib/db/write-log.ts), whoever writes (this tab, another tab, the
 *   background, sync); the rows are numbered in commit order.
 * - A page loads the packs once (a few dozen records), then, before each
 *   search, reads the log's rows after the last one it read and the notes they
 *   name, so a note saved in another tab is found by the open notebook's next
 *   search. When another page stored packs holding rows this page has not
 *   read (a restore, or a page that stored its column), it loads those.
 * - When the notes read on top of the packs grow many (or old), the page stores
 *   its column as the new packs and drops the log's rows they hold.
 */
import { Dexie, type Transaction } from 'dexie';
import { PACK_NOTES, SearchColumn } from '../search/column';
import type { AnnotationRecord, ArticleRecord } from '../model/records';
import { withoutDerived, type PackRecord, type PacksMeta, type SearchPackRecord, type YanduDb } from './database';
import { leaveUnlogged } from './write-log';

/** The meta record's key (packs are 1, 2, …). */
const META_ID = 0;
/** The pack layout written by this code (2: the meta record names the write log's `seq`; 1, schema v6–v7: a time). */
const PACK_FORMAT = 2;
/** Store the column again once this many notes were read on top of the packs. */
const STORE_AFTER_CHANGES = 1_000;
/** … or when any were and the packs are older than this. */
const STORE_AFTER_MS = 24 * 3600 * 1000;
/** Notes read per request when building the column from every note. */
const BUILD_CHUNK = 5_000;

/** The notes named by the log's rows after `seq` (in the caller's transaction), those deleted for good, and the last row's seq. */
async function writtenAfter(db: YanduDb, seq: number): Promise<{ notes: AnnotationRecord[]; gone: string[]; last: number }> {
  const rows = await db.noteWrites.where('seq').above(seq).toArray();
  if (rows.length === 0) return { notes: [], gone: [], last: seq };
  const ids = [...new Set(rows.flatMap((row) => row.ids))];
  const read = ids.length === 0 ? [] : await db.annotations.bulkGet(ids);
  const notes: AnnotationRecord[] = [];
  const gone: string[] = [];
  read.forEach((note, i) => (note ? notes.push(note) : gone.push(ids[i]!)));
  return { notes, gone, last: rows[rows.length - 1]!.seq! };
}

/** The log's last seq (0 when it is empty), in the caller's transaction. */
async function lastSeq(db: YanduDb): Promise<number> {
  return ((await db.noteWrites.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}

function packRecords(column: SearchColumn, seq: number): SearchPackRecord[] {
  const meta: PacksMeta = { id: META_ID, format: PACK_FORMAT, seq, storedAt: Date.now(), count: column.size, stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}` };
  return [meta, ...column.packs.map((pack, i) => ({ ...pack, id: i + 1 }))];
}

/**
 * Replaces the stored packs by `column`'s, which holds the log's rows up to
 * `seq`, and drops those rows (in the caller's transaction when there is one).
 * Packs stored by another page holding later rows are kept (null).
 */
export async function storePacks(db: YanduDb, column: SearchColumn, seq: number): Promise<PacksMeta | null> {
  const records = packRecords(column, seq);
  return db.transaction('rw', db.searchPacks, db.noteWrites, async () => {
    const stored = (await db.searchPacks.get(META_ID)) as PacksMeta | undefined;
    if (stored && stored.format === PACK_FORMAT && stored.seq > seq) return null;
    await db.searchPacks.clear();
    await db.searchPacks.bulkPut(records);
    await db.noteWrites.where('seq').belowOrEqual(seq).delete();
    return records[0] as PacksMeta;
  });
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
async function buildFromNotes(table: Dexie.Table<AnnotationRecord, string>, onChunk?: (read: number) => void): Promise<SearchColumn> {
  const notes: AnnotationRecord[] = [];
  for (let last: string | null = null; ; ) {
    const chunk: AnnotationRecord[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(BUILD_CHUNK).toArray();
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
  /** The last row of the write log read into the column. */
  seq: number;
  /** The stored packs' stamp this column started from (or stored). */
  stamp: string | null;
  /** When the stored packs were stored. */
  storedAt: number;
  /** Notes applied on top of the stored packs. */
  changes: number;
}

/** Each database handle's column, once loading began. */
const states = new WeakMap<YanduDb, Promise<Live>>();
/** The last look of each handle: looks run one after another. */
const looks = new WeakMap<YanduDb, Promise<unknown>>();
/** Each handle's column once loaded (what a list may search before its look, lib/db/search.ts). */
const loaded = new WeakMap<YanduDb, Live>();

function liveOf(stored: { column: SearchColumn; meta: PacksMeta }): Live {
  return { column: stored.column, seq: stored.meta.seq, stamp: stored.meta.stamp, storedAt: stored.meta.storedAt, changes: 0 };
}

/** Loads the stored packs (building them from the notes when there are none). */
async function open(db: YanduDb): Promise<Live> {
  const stored = await loadPacks(db);
  if (stored) return liveOf(stored);
  const [column, seq] = await db.transaction('r', db.annotations, db.noteWrites, () => Promise.all([buildFromNotes(db.annotations as Dexie.Table<AnnotationRecord, string>), lastSeq(db)]));
  const meta = await storePacks(db, column, seq);
  return { column, seq, stamp: meta?.stamp ?? null, storedAt: meta?.storedAt ?? Date.now(), changes: 0 };
}

/**
 * Reads the notes written since the last look into the column; loads the
 * stored packs instead when another page stored packs holding rows of the log
 * this page has not read (those rows may be gone). Starts storing the column
 * when stale (or, `fold`, when it read any row on top of the packs) and gives
 * that store to the caller (null when it did not store).
 */
async function look(db: YanduDb, state: Live, fold = false): Promise<{ storing: Promise<void> | null }> {
  // The meta record, the rows and their notes in one transaction: rows are dropped only with a new meta record.
  const read = (): Promise<{ newer: boolean; notes: AnnotationRecord[]; gone: string[]; last: number }> =>
    db.transaction('r', db.searchPacks, db.noteWrites, db.annotations, async () => {
      const [meta, written] = await Promise.all([db.searchPacks.get(META_ID) as Promise<PacksMeta | undefined>, writtenAfter(db, state.seq)]);
      const newer = !!meta && meta.format === PACK_FORMAT && meta.stamp !== state.stamp && meta.seq > state.seq;
      return { newer, ...written };
    });
  let written = await read();
  while (written.newer) {
    const stored = await loadPacks(db);
    if (!stored) break;
    Object.assign(state, liveOf(stored));
    written = await read();
  }
  const rowsRead = written.last > state.seq;
  state.changes += state.column.apply(written.notes, written.gone);
  state.seq = written.last;
  const stale = (fold && rowsRead) || state.changes >= STORE_AFTER_CHANGES || (state.changes > 0 && Date.now() - state.storedAt > STORE_AFTER_MS);
  if (!stale) return { storing: null };
  state.changes = 0;
  state.storedAt = Date.now();
  const storing = storePacks(db, state.column, state.seq).then((stored) => {
    if (stored) state.stamp = stored.stamp;
  });
  return { storing };
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
      // Stored in the background: the search answers now.
      void (await look(db, current)).storing?.catch((error: unknown) => console.warn('[研读] 搜索数据保存失败', error));
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
  const [meta, first, written] = await db.transaction('r', db.searchPacks, db.noteWrites, db.annotations, async () => {
    const meta = (await db.searchPacks.get(META_ID)) as PacksMeta | undefined;
    if (!meta || meta.format !== PACK_FORMAT) return [null, undefined, null] as const;
    return [meta, (await db.searchPacks.get(1)) as PackRecord | undefined, await writtenAfter(db, meta.seq)] as const;
  });
  if (!meta || !written) return (await searchColumn(db)).search({ query: '' }, 'newest', 0, count).hits.map((hit) => hit.id);
  const since = new Set([...written.notes.map((note) => note.id), ...written.gone]);
  const candidates: { id: string; createdAt: number }[] = [];
  let unchanged = 0;
  for (let id = 1, pack = first; pack && unchanged < count; pack = (await db.searchPacks.get(++id)) as PackRecord | undefined) {
    pack.ids.forEach((noteId, i) => {
      if (since.has(noteId)) return;
      candidates.push({ id: noteId, createdAt: pack!.createdAt[i]! });
      unchanged++;
    });
  }
  for (const note of written.notes) if (note.deletedAt === null) candidates.push({ id: note.id, createdAt: note.createdAt });
  candidates.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates.slice(0, count).map((c) => c.id);
}

/** The background folds the write log into the packs once the log names this many notes beyond them (as a page holding the column stores it). */
export const FOLD_AFTER_WRITES = STORE_AFTER_CHANGES;
/** How long after a note write the background looks at the log (writes in between are looked at once). */
const FOLD_DELAY_MS = 1_000;

/** Per handle: how far the log was counted, beyond which packs (rows are only added after the packs' seq, and dropped only with new packs). */
const counted = new WeakMap<YanduDb, { packs: number; seq: number; named: number }>();

/**
 * How many notes the log's rows beyond the stored packs name (a note written
 * twice counts twice): what the popup reads on top of the packs. Reads only
 * the rows added since the last count of this handle.
 */
export async function writesBeyondPacks(db: YanduDb): Promise<number> {
  return db.transaction('r', db.searchPacks, db.noteWrites, async () => {
    const meta = (await db.searchPacks.get(META_ID)) as PacksMeta | undefined;
    const packs = meta && meta.format === PACK_FORMAT ? meta.seq : 0;
    const before = counted.get(db);
    const known = before && before.packs === packs ? { ...before } : { packs, seq: packs, named: 0 };
    await db.noteWrites
      .where('seq')
      .above(known.seq)
      .each((row) => {
        known.named += row.ids.length;
        known.seq = row.seq!;
      });
    counted.set(db, known);
    return known.named;
  });
}

/**
 * Folds the write log into the stored packs when it names FOLD_AFTER_WRITES
 * notes or more beyond them: the column is loaded from the packs, brought up to
 * date and stored (look, as a page holding it does), then let go (it is this
 * call's own, not the handle's). True when it stored (or found newer packs
 * stored meanwhile).
 */
export async function foldWriteLog(db: YanduDb): Promise<boolean> {
  if ((await writesBeyondPacks(db)) < FOLD_AFTER_WRITES) return false;
  const { storing } = await look(db, await open(db), true);
  await storing;
  return storing !== null;
}

/**
 * Keeps the write log short in the background, for a reader who notes for
 * months and never opens the notebook (the only page that stores its column):
 * FOLD_DELAY_MS after a transaction that wrote notes through `db` committed,
 * the log is folded (foldWriteLog). The answer to the page that wrote goes
 * first; one fold at a time, writes during it ask for one more. Only this
 * handle's writes count (not another page's, which may be upgrading the
 * database). `settled`: the folds asked for so far are done.
 */
export function foldAfterWrites(
  db: YanduDb,
  delayMs = FOLD_DELAY_MS,
  onError: (error: unknown) => void = (error) => console.warn('[研读] 搜索数据保存失败', error),
): { settled: () => Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  let asked = false;
  const heard = new WeakSet<Transaction>();
  const ask = (): void => {
    if (asked) return;
    asked = true;
    queue = queue
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, delayMs)))
      .then(() => {
        asked = false;
        return foldWriteLog(db);
      })
      .then(() => undefined, onError);
  };
  const wrote = (tx: Transaction): void => {
    if (heard.has(tx)) return;
    heard.add(tx);
    // After the commit only: an aborted transaction wrote nothing.
    tx.on('complete', ask);
  };
  db.annotations.hook('creating', (_id, _note, tx) => wrote(tx));
  db.annotations.hook('updating', (_mods, _id, _note, tx) => {
    wrote(tx);
    return undefined;
  });
  db.annotations.hook('deleting', (_id, _note, tx) => wrote(tx));
  return { settled: () => queue };
}

/** A loaded column as a list saw it: what it had read of the write log, and its version. */
export interface SeenColumn {
  column: SearchColumn;
  version: number;
  /** The last row of the write log read into it. */
  seq: number;
  /** The stored packs it started from (or stored). */
  stamp: string | null;
}

/**
 * The column of `db` as loaded, without looking for notes written since (null
 * before it is loaded): a list may search it and read its page in the same
 * transaction as the check that nothing was written since (`notesIfCurrent`).
 */
export function loadedColumn(db: YanduDb): SeenColumn | null {
  const live = loaded.get(db);
  return live ? { column: live.column, version: live.column.version, seq: live.seq, stamp: live.stamp } : null;
}

/**
 * In one read transaction: the notes of `ids`, and whether `seen` is still
 * current (no row of the write log after the last it read, no stored packs
 * holding rows it has not read, and the column unchanged since). A list of the
 * loaded column reads its page and checks in one round trip; when not current
 * it makes the list again on searchColumn's.
 */
export async function notesIfCurrent(db: YanduDb, seen: SeenColumn, ids: readonly string[]): Promise<{ notes: (AnnotationRecord | undefined)[]; current: boolean }> {
  const [notes, meta, later] = await db.transaction('r', db.annotations, db.searchPacks, db.noteWrites, () =>
    Promise.all([
      ids.length === 0 ? [] : db.annotations.bulkGet([...ids]),
      db.searchPacks.get(META_ID) as Promise<PacksMeta | undefined>,
      db.noteWrites.where('seq').above(seen.seq).limit(1).primaryKeys(),
    ]),
  );
  const newerPacks = !!meta && meta.format === PACK_FORMAT && meta.stamp !== seen.stamp && meta.seq > seen.seq;
  const live = loaded.get(db);
  const current = later.length === 0 && !newerPacks && live?.column === seen.column && seen.column.version === seen.version;
  return { notes, current };
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
 * For a bulk write that stores the packs itself (a restore), in its
 * transaction (which must hold `annotations`, `searchPacks` and `noteWrites`
 * for writing): its note writes are left out of the write log; the caller
 * gives them to updatePacksInTransaction at the end.
 */
export function bulkWriteUnlogged(tx: Transaction): void {
  leaveUnlogged(tx.idbtrans);
}

/**
 * Inside a bulk write's transaction, after bulkWriteUnlogged and after writing
 * `changes`: the stored column with the log's rows and `changes` applied,
 * stored with a new row of the log as its bound (so every page loads it: it
 * holds writes none of them read), the rows before it dropped. `onlyChanges`:
 * the notes table held nothing before the bulk write, so `changes` are every
 * note (the column is built from them, without reading them back).
 */
export async function updatePacksInTransaction(db: YanduDb, changes: readonly AnnotationRecord[], onlyChanges = false): Promise<void> {
  const bound = (await db.noteWrites.add({ ids: [] })) as number;
  let column: SearchColumn;
  if (onlyChanges) column = SearchColumn.build(changes);
  else {
    const stored = await loadPacks(db);
    column = stored?.column ?? (await buildFromNotes(db.annotations as Dexie.Table<AnnotationRecord, string>));
    if (stored) {
      const written = await writtenAfter(db, stored.meta.seq);
      column.apply(written.notes, written.gone);
    }
    column.apply(changes);
  }
  await storePacks(db, column, bound);
}

/** Progress of a long upgrade: notes done of all. */
export type UpgradeProgress = (done: number, total: number) => void;

/** Notes rewritten per chunk by the v6 upgrade. */
const UPGRADE_CHUNK = 2_000;

/**
 * v5 → v6: the postings index is gone (its `terms` field is removed from every
 * note and article, the index itself by the schema), and the search column is
 * built from every note and stored (in the layout of this code: the v8 write
 * log is empty then). Runs in chunks of UPGRADE_CHUNK notes, reporting
 * progress; every note is kept.
 */
export async function upgradeToVersion6(tx: Transaction, onProgress?: UpgradeProgress): Promise<void> {
  const notes = tx.table<AnnotationRecord & { terms?: unknown }, string>('annotations');
  const total = await notes.count();
  const all: AnnotationRecord[] = [];
  onProgress?.(0, total);
  for (let last: string | null = null; ; ) {
    const chunk: (AnnotationRecord & { terms?: unknown })[] = await (last === null ? notes.orderBy(':id') : notes.where(':id').above(last)).limit(UPGRADE_CHUNK).toArray();
    const clean = chunk.map((note) => withoutDerived(note));
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
  await tx.table('searchPacks').bulkPut(packRecords(column, 0));
}

/** Notes read per chunk by the v8 upgrade. */
const V8_CHUNK = 5_000;

/** The packs' meta record as v6–v7 stored it (format 1). */
interface PacksMetaV1 {
  id: 0;
  format: 1;
  /** Notes with `touchedAt` at or after this were written after the packs. */
  since: number;
  count: number;
  stamp: string;
}

/**
 * v7 → v8: the `touchedAt` index is gone (the schema drops it; notes keep the
 * field until next written, never read), the write log takes its place. Packs
 * stored by v6–v7 (format 1) stay: the notes written after them (`touchedAt` at
 * or after their `since`, found by reading every note, in chunks, with
 * progress) go into the log's first row, and the meta record names the log
 * instead of a time. No note is rewritten.
 */
export async function upgradeToVersion8(tx: Transaction, onProgress?: UpgradeProgress): Promise<void> {
  const packs = tx.table<SearchPackRecord | PacksMetaV1, number>('searchPacks');
  const found = (await packs.get(META_ID)) as PacksMeta | PacksMetaV1 | undefined;
  if (!found || found.format !== 1) return;
  const meta = found as PacksMetaV1;
  const notes = tx.table<AnnotationRecord & { touchedAt?: number }, string>('annotations');
  const total = await notes.count();
  const since: string[] = [];
  let done = 0;
  onProgress?.(0, total);
  for (let last: string | null = null; ; ) {
    const chunk: (AnnotationRecord & { touchedAt?: number })[] = await (last === null ? notes.orderBy(':id') : notes.where(':id').above(last)).limit(V8_CHUNK).toArray();
    for (const note of chunk) if ((note.touchedAt ?? 0) >= meta.since) since.push(note.id);
    done += chunk.length;
    onProgress?.(done, total);
    if (chunk.length < V8_CHUNK) break;
    last = chunk[chunk.length - 1]!.id;
  }
  if (since.length > 0) await tx.table('noteWrites').add({ ids: since });
  const next: PacksMeta = { id: META_ID, format: PACK_FORMAT, seq: 0, storedAt: meta.since, count: meta.count, stamp: meta.stamp };
  await packs.put(next);
}

export { PACK_NOTES };
