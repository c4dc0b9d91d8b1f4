/**
 * The log of note writes (schema v8, table `noteWrites`): every transaction
 * that writes notes adds, in the same transaction, one row per write request
 * naming the notes it wrote (added, changed or deleted). IndexedDB numbers the
 * rows (`seq`, auto-increment); transactions writing notes run one after
 * another, so the numbers follow the order of the commits: a page that has
 * read the rows up to `seq` finds every later write in the rows after it.
 *
 * It replaces the `touchedAt` index of v6–v7 (one entry per note, ≈ 9% of the
 * storage at 100,000 notes): a row lives only until the stored search packs
 * hold its writes (lib/db/search-store.ts prunes it when it stores them), and a
 * note itself is not rewritten for it. A Dexie DBCore middleware writes the
 * rows, whoever writes notes (this page, another tab, the background, sync).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Dexie } from 'dexie';

/** The log's table (schema v8). */
export const WRITE_LOG = 'noteWrites';
/** The table whose writes are logged. */
const NOTES = 'annotations';

/** A row of the log. */
export interface NoteWriteRecord {
  /** Given by IndexedDB, in commit order. */
  seq?: number;
  /** The notes written (their ids; a note may be named by several rows). */
  ids: string[];
}

/** Marks an IndexedDB transaction whose note writes are not logged (a restore storing the search packs itself). */
const UNLOGGED = Symbol('yanduUnlogged');
type Marked = { [UNLOGGED]?: boolean; objectStoreNames: DOMStringList };

/**
 * Leaves the note writes of the transaction `idbtrans` (Dexie's
 * `Transaction.idbtrans`) out of the log: for a bulk write that stores the
 * search packs itself in the same transaction (lib/backup restore).
 */
export function leaveUnlogged(idbtrans: unknown): void {
  (idbtrans as Marked)[UNLOGGED] = true;
}

/** The ids a write request names (a range deletion's are read by the caller). */
function idsOf(req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): string[] {
  if (req.type === 'delete') return req.keys as string[];
  const ids = new Set<string>(req.keys ?? []);
  for (const value of req.values) if (value && typeof (value as { id?: unknown }).id === 'string') ids.add((value as { id: string }).id);
  if (req.type === 'put') for (const key of req.updates?.keys ?? []) ids.add(key as string);
  return [...ids];
}

/** A note as written: without `touchedAt`, v6–v7's stamp (old notes lose it when next written). */
function withoutStamp(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !('touchedAt' in value)) return value;
  const { touchedAt: _stamp, ...rest } = value as { touchedAt?: unknown };
  return rest;
}

/** Logs every note write of `db` (called by openDb). */
export function registerWriteLog(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'yanduWriteLog',
    create: (down: DBCore): Partial<DBCore> => ({
      ...down,
      // Every read-write transaction over the notes holds the log too.
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes(NOTES) && !stores.includes(WRITE_LOG) ? [...stores, WRITE_LOG] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== NOTES) return table;
        return {
          ...table,
          mutate(req): Promise<DBCoreMutateResponse> {
            const trans = req.trans as unknown as Marked;
            // An upgrade before v8 (no log yet), or a restore that stores the packs itself.
            if (trans[UNLOGGED] || !trans.objectStoreNames.contains(WRITE_LOG)) return table.mutate(req);
            const logAndWrite = (ids: string[], write: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              // The row first, then the write: both in the write's transaction (one fails, both are undone).
              const logged = ids.length === 0 ? null : down.table(WRITE_LOG).mutate({ type: 'add', trans: req.trans, values: [{ ids } satisfies NoteWriteRecord] });
              const written = table.mutate(write);
              return logged ? Promise.all([written, logged]).then(([result]) => result) : written;
            };
            if (req.type === 'deleteRange') {
              const query = { trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } };
              return table.query(query).then(({ result }) => logAndWrite(result as string[], req));
            }
            return logAndWrite(idsOf(req), req.type === 'delete' ? req : { ...req, values: req.values.map(withoutStamp) });
          },
        };
      },
    }),
  });
}
