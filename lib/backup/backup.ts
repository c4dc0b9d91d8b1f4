/**
 * Backup and restore of the whole database. `exportBackup(db)` writes every
 * table (but EXCLUDED_TABLES) to one JSON file; `importBackup(db, file)` checks
 * the whole file first (parse.ts), then merges it in one transaction over every
 * table and the search column: a failure or a cancellation halfway leaves the
 * database as it was. Backups carry the reader's data, never derived index data
 * (withoutDerived in lib/db/database.ts; format.ts EXCLUDED_TABLES).
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import { localIsoDate } from '../export/dates';
import { step, throwIfAborted } from '../export/task';
import type { ExportedFile, TaskOptions } from '../export/types';
import type { AnnotationRecord } from '../model/records';
import { withoutDerived, type YanduDb } from '../db/database';
import { bulkWriteUnlogged, updatePacksInTransaction } from '../db/search-store';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, EXCLUDED_TABLES, TABLE_LABELS, type BackupFile } from './format';
import { KEEP_STORED, MERGE_RULES, type BackupRecord } from './merge';
import { parseBackup } from './parse';

/** Records read or written per request: large enough to be quick, small enough to report progress often. */
const CHUNK_RECORDS = 500;

/** The MIME type of backup files. */
export const BACKUP_MIME = 'application/json';

/** What an import did, per table and in all. */
export interface ImportSummary {
  /** Records that were not there before. */
  added: number;
  /** Records replaced by a later version from the backup. */
  updated: number;
  /** Records already there (same id, or the same article and quote). */
  skipped: number;
  /** The same counts per table. */
  byTable: Record<string, { added: number; updated: number; skipped: number }>;
}

function backedUpTables(db: Dexie): Table[] {
  return db.tables.filter((t) => !EXCLUDED_TABLES.has(t.name));
}

/** The primary key field of `table`, or null when its keys are not stored in its records. */
function keyPathOf(table: Table): string | null {
  const keyPath = table.schema.primKey.keyPath;
  return typeof keyPath === 'string' && keyPath !== '' ? keyPath : null;
}

/** Reads every record of `table` in primary key order, CHUNK_RECORDS at a time (all at once without a key path). */
async function readAll(table: Table, onChunk: (count: number) => void): Promise<BackupRecord[]> {
  const keyPath = keyPathOf(table);
  if (!keyPath) {
    const all = ((await table.toArray()) as BackupRecord[]).map(withoutDerived);
    onChunk(all.length);
    return all;
  }
  const all: BackupRecord[] = [];
  for (;;) {
    const last = all[all.length - 1]?.[keyPath] as IndexableType | undefined;
    const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const chunk = (await query.limit(CHUNK_RECORDS).toArray()) as BackupRecord[];
    for (const record of chunk) all.push(withoutDerived(record));
    onChunk(all.length);
    if (chunk.length < CHUNK_RECORDS) return all;
  }
}

/** Writes the whole database (but EXCLUDED_TABLES) as one JSON backup file. */
export async function exportBackup(db: Dexie, options?: TaskOptions & { now?: number }): Promise<ExportedFile> {
  const now = options?.now ?? Date.now();
  const tables = backedUpTables(db);
  const file: BackupFile = await db.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let before = 0;
    const out: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      dbVersion: db.verno,
      counts: {},
      tables: {},
    };
    step(options, 0, total);
    for (const table of tables) {
      const records = await readAll(table, (n) => step(options, before + n, total));
      before += records.length;
      out.tables[table.name] = records;
      out.counts[table.name] = records.length;
    }
    return out;
  });
  const data = new TextEncoder().encode(JSON.stringify(file));
  throwIfAborted(options?.signal);
  return { data, filename: `研读备份-${localIsoDate(now)}.json`, mime: BACKUP_MIME };
}

/** What one table's merge has seen so far. */
interface MergeState {
  /** Identities (MergeRule.duplicate) of the stored records looked up and of the records added. */
  seenIdentities: Set<string>;
  /** Values of the duplicate index already looked up (each is read once per import). */
  lookedUp: Set<IndexableType>;
  /** Records written (added or updated), when the caller keeps them. */
  written?: BackupRecord[];
  /**
   * The primary keys the table held when the import began (read at once), so that only records stored under
   * their key are read back; null when a key is not a string or number (then every key is looked up).
   */
  storedKeys: Set<IndexableType> | null;
}

/** The primary keys `table` holds (one request), or null when one is neither a string nor a number. */
async function storedKeysOf(table: Table): Promise<Set<IndexableType> | null> {
  const keys = await table.toCollection().primaryKeys();
  return keys.every((key) => typeof key === 'string' || typeof key === 'number') ? new Set(keys) : null;
}

/** Merges one chunk of `records` into `table`; counts go into `tally`. */
async function mergeChunk(table: Table, keyPath: string, records: BackupRecord[], state: MergeState, tally: { added: number; updated: number; skipped: number }): Promise<void> {
  const { seenIdentities, storedKeys } = state;
  const rule = MERGE_RULES[table.name] ?? KEEP_STORED;
  const keys = records.map((r) => r[keyPath] as IndexableType);
  // Only keys the table held are read (a restore into an empty database reads nothing back).
  const held = storedKeys ? keys.map((key) => storedKeys.has(key)) : keys.map(() => true);
  const read = (await table.bulkGet(keys.filter((_, i) => held[i]))) as (BackupRecord | undefined)[];
  let next = 0;
  const stored = held.map((was) => (was ? read[next++] : undefined));
  const duplicate = rule.duplicate;
  // A table empty before the import has no stored duplicates: the records added by it are in seenIdentities.
  if (duplicate && storedKeys?.size !== 0) {
    // Only for records not stored under their key, and each value of the index once per import.
    const lookups = [...new Set(records.filter((_, i) => !stored[i]).map((r) => r[duplicate.index] as IndexableType))].filter((v) => !state.lookedUp.has(v));
    for (const value of lookups) state.lookedUp.add(value);
    const candidates = lookups.length === 0 ? [] : ((await table.where(duplicate.index).anyOf(lookups).toArray()) as BackupRecord[]);
    for (const candidate of candidates) seenIdentities.add(duplicate.key(candidate));
  }
  const puts: BackupRecord[] = [];
  records.forEach((incoming, i) => {
    const existing = stored[i];
    if (existing) {
      const merged = rule.resolve(existing, incoming);
      if (merged) puts.push(merged);
      tally[merged ? 'updated' : 'skipped'] += 1;
      return;
    }
    if (duplicate) {
      const identity = duplicate.key(incoming);
      if (seenIdentities.has(identity)) {
        tally.skipped += 1;
        return;
      }
      seenIdentities.add(identity);
    }
    puts.push(incoming);
    tally.added += 1;
  });
  if (puts.length > 0) await table.bulkPut(puts);
  state.written?.push(...puts);
}

/**
 * Imports a backup file into `db`, merging without duplicates. Checks the whole
 * file first; writes in one transaction. Throws BackupError (a message for the
 * reader) or an AbortError when cancelled; in every failure nothing is changed.
 */
export async function importBackup(db: Dexie, input: string | Uint8Array | Blob, options?: TaskOptions): Promise<ImportSummary> {
  const file = await parseBackup(input);
  if (file.dbVersion > db.verno) {
    throw new BackupError('newer', `这个备份来自更新版本的研读（数据库版本 ${file.dbVersion}），请先更新扩展再导入。现有数据未作任何更改。`);
  }
  const targets: { table: Table; keyPath: string; records: BackupRecord[] }[] = [];
  for (const [name, records] of Object.entries(file.tables)) {
    if (EXCLUDED_TABLES.has(name)) continue;
    const table = db.tables.find((t) => t.name === name);
    const keyPath = table ? keyPathOf(table) : null;
    if (!table || !keyPath) {
      throw new BackupError('newer', `备份包含本版本不认识的数据（${TABLE_LABELS[name] ?? name}），可能来自更新版本的研读。现有数据未作任何更改。`);
    }
    if (records.some((r) => r[keyPath] === undefined)) {
      throw new BackupError('invalid', `备份文件内容有误：${TABLE_LABELS[name] ?? name}中有记录缺少编号。现有数据未作任何更改。`);
    }
    targets.push({ table, keyPath, records });
  }
  const total = targets.reduce((sum, t) => sum + t.records.length, 0);
  const summary: ImportSummary = { added: 0, updated: 0, skipped: 0, byTable: {} };
  // The search column is updated in the same transaction: a cancelled import leaves it as it was too.
  const packs = db.tables.find((t) => t.name === 'searchPacks');
  const log = db.tables.find((t) => t.name === 'noteWrites');
  const notesWritten: BackupRecord[] = [];
  throwIfAborted(options?.signal);
  try {
    await db.transaction(
      'rw',
      [...targets.map((t) => t.table), ...(packs && log ? [packs, log] : [])],
      async () => {
        // Restored notes are not logged one by one: the packs stored at the end hold them.
        const ownPacks = !!(packs && log && Dexie.currentTransaction);
        if (ownPacks) bulkWriteUnlogged(Dexie.currentTransaction!);
        let done = 0;
        /** Notes the database held before (null: not known). */
        let notesBefore: number | null = null;
        step(options, 0, total);
        for (const { table, keyPath, records } of targets) {
          const tally = { added: 0, updated: 0, skipped: 0 };
          const state: MergeState = {
            seenIdentities: new Set(),
            lookedUp: new Set(),
            written: table.name === 'annotations' ? notesWritten : undefined,
            storedKeys: await storedKeysOf(table),
          };
          if (table.name === 'annotations') notesBefore = state.storedKeys?.size ?? null;
          for (let i = 0; i < records.length; i += CHUNK_RECORDS) {
            const chunk = records.slice(i, i + CHUNK_RECORDS);
            await mergeChunk(table, keyPath, chunk, state, tally);
            done += chunk.length;
            // A throw here (cancelled, or the listener failed) aborts the transaction: nothing is kept.
            step(options, done, total);
          }
          summary.byTable[table.name] = tally;
        }
        if (ownPacks && notesWritten.length > 0) {
          await updatePacksInTransaction(db as YanduDb, notesWritten as unknown as AnnotationRecord[], notesBefore === 0);
          throwIfAborted(options?.signal);
        }
      },
    );
  } catch (error) {
    // Dexie may rewrap what the callback threw; the signal says whether it was a cancellation.
    throwIfAborted(options?.signal);
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError('write-failed', `导入中途失败，已全部撤销，现有数据未作任何更改（${reason}）。`);
  }
  for (const t of Object.values(summary.byTable)) {
    summary.added += t.added;
    summary.updated += t.updated;
    summary.skipped += t.skipped;
  }
  return summary;
}
