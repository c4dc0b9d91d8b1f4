/**
 * The database's type: its tables and the records they keep (lib/model/records.ts,
 * and the search column's packs). Every module of lib/db takes a handle of this
 * type; lib/db/schema.ts opens it.
 */
import type { Dexie, EntityTable } from 'dexie';
import type {
  AnnotationRecord,
  ArticleRecord,
  FormulationRecord,
  PersistenceRecord,
  SightingRecord,
  SummaryRecord,
  TagRecord,
} from '../model/records';
import type { Pack } from '../search/column';
import type { NoteWriteRecord } from './write-log';

/** The packs' meta record. */
export interface PacksMeta {
  /** Always META_ID. */
  id: 0;
  /** The packs' layout; other layouts are rebuilt from the notes. */
  format: number;
  /** The last row of the write log (lib/db/write-log.ts) whose notes the packs hold: later rows are read on top. */
  seq: number;
  /** When they were stored (ms). */
  storedAt: number;
  /** Live notes in the packs. */
  count: number;
  /** Changes every time packs are stored: a page that sees another one reloads them. */
  stamp: string;
}

/** A stored pack. */
export type PackRecord = Pack & { id: number };

/** Either record of `searchPacks`. */
export type SearchPackRecord = PacksMeta | PackRecord;

/** The 研读 database: Dexie with its tables (schema versions: lib/db/schema.ts). */
export type YanduDb = Dexie & {
  articles: EntityTable<ArticleRecord, 'key'>;
  annotations: EntityTable<AnnotationRecord, 'id'>;
  tags: EntityTable<TagRecord, 'name'>;
  meta: EntityTable<PersistenceRecord, 'key'>;
  /** Schema v3: each policy article's recorded analysis (lib/db/formulations.ts). */
  summaries: EntityTable<SummaryRecord, 'articleKey'>;
  /** Schema v3: the 提法库, one record per formulation. */
  formulations: EntityTable<FormulationRecord, 'text'>;
  /** Schema v3: one formulation in one article. */
  sightings: EntityTable<SightingRecord, 'id'>;
  /** Schema v6: the search column in packs, derived from the notes (lib/db/search-store.ts). */
  searchPacks: EntityTable<SearchPackRecord, 'id'>;
  /** Schema v8: the log of note writes not yet held by the packs (lib/db/write-log.ts). */
  noteWrites: EntityTable<NoteWriteRecord, 'seq'>;
};

/**
 * Drops the database's bookkeeping from a record before it leaves the database
 * layer (lists, exports, backups, 学习包, sync): `touchedAt`, the time of a
 * note's last write in schema v6–v7 (notes written before v8 still carry it), and `terms`, the search index of
 * schema versions 3–5 (old records and backups written then may still carry
 * it; a backup's are dropped on import). Neither is the reader's data.
 */
export function withoutDerived<T extends object>(record: T): T {
  const { touchedAt: _touched, terms: _terms, ...rest } = record as T & { touchedAt?: unknown; terms?: unknown };
  return rest as T;
}
