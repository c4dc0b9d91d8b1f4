/**
 * The backup file: one JSON document holding every table of the reader's
 * database, in an envelope that says what it is and which version wrote it:
 * `{ format: 'yandu-backup', version, exportedAt, dbVersion, counts, tables }`.
 *
 * The valibot schemas here check a whole file before anything is written. Known
 * tables are checked record by record; fields a newer schema added are filled
 * with the values the database's own upgrade gives them, and fields we do not
 * know are kept (looseObject), so a backup survives schema growth.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from '../model/colors';
import { MAX_NOTE_CHARS, MAX_QUOTE_CHARS, MAX_TAGS, MAX_TAG_CHARS, MAX_URL_CHARS } from '../protocol/schema';

/** The envelope's `format` marker: anything else is not our backup. */
export const BACKUP_FORMAT = 'yandu-backup';
/** The envelope's version; raise it when the envelope (not a table) changes shape. */
export const BACKUP_VERSION = 1;

/**
 * Tables left out of backups: `meta` holds facts about this browser's storage
 * (whether it is persistent), which are not the reader's data and would be
 * wrong on another machine; `searchPacks` is the search column, derived from
 * the notes and rebuilt from them (lib/db/search-store.ts); `noteWrites`, the log
 * of note writes the search column has not yet stored (lib/db/write-log.ts).
 */
export const EXCLUDED_TABLES: ReadonlySet<string> = new Set(['meta', 'searchPacks', 'noteWrites']);

/** Table names as the reader knows them, for messages. */
export const TABLE_LABELS: Record<string, string> = {
  articles: '文章',
  annotations: '笔记',
  tags: '标签',
  summaries: '文章分析',
  formulations: '提法库',
  sightings: '提法出处',
};

const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const shortText = v.pipe(v.string(), v.maxLength(MAX_URL_CHARS));
const tagName = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TAG_CHARS));

/** One article record (also the articles of a 学习包). */
export const ArticleSchema = v.looseObject({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL_CHARS)),
  url: shortText,
  title: shortText,
  site: shortText,
  firstSeenAt: time,
  lastSeenAt: time,
});

/** One note record (also the notes of a 学习包). */
export const AnnotationSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  articleKey: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL_CHARS)),
  quote: v.looseObject({
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_CHARS)),
    prefix: v.string(),
    suffix: v.string(),
  }),
  position: v.looseObject({ start: offset, end: offset }),
  color: v.picklist(HIGHLIGHT_COLORS, '颜色无效'),
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)),
  createdAt: time,
  updatedAt: time,
  // Schema v2 fields; defaults as lib/db's upgrade to v2 sets them.
  tags: v.optional(v.pipe(v.array(tagName), v.maxLength(MAX_TAGS)), () => []),
  revision: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  deletedAt: v.optional(v.nullable(time), null),
  unplacedAt: v.optional(v.nullable(time), null),
});

const TagSchema = v.looseObject({
  name: tagName,
  lastUsedAt: time,
});

/** Schemas of the tables we know; any other table's records only need to be plain objects. */
export const TABLE_SCHEMAS: Record<string, v.GenericSchema<unknown, Record<string, unknown>>> = {
  articles: ArticleSchema,
  annotations: AnnotationSchema,
  tags: TagSchema,
};

/** Records of a table we have no schema for. */
export const UnknownRecordSchema = v.record(v.string(), v.unknown());

/** Just enough to tell our backup from any other JSON. */
export const MarkerSchema = v.object({ format: v.literal(BACKUP_FORMAT), version: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** The envelope (tables' records are checked one by one afterwards, for precise messages). */
export const EnvelopeSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('导出时间无效')),
  dbVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  counts: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
  tables: v.record(v.string(), v.array(v.unknown())),
});

/** The whole backup file. */
export interface BackupFile {
  /** Always 'yandu-backup'. */
  format: typeof BACKUP_FORMAT;
  /** The envelope's version (BACKUP_VERSION when written). */
  version: number;
  /** When it was written (ISO 8601). */
  exportedAt: string;
  /** The database schema version (Dexie verno) it was written from. */
  dbVersion: number;
  /** Records per table, to tell a complete file from a cut one. */
  counts: Record<string, number>;
  /** Every table's records, by table name. */
  tables: Record<string, Record<string, unknown>[]>;
}

/** Why a backup could not be imported. */
export type BackupErrorCode = 'empty' | 'not-backup' | 'truncated' | 'invalid' | 'newer' | 'write-failed';

/** A backup refused or failed, with a message for the reader; nothing was changed. */
export class BackupError extends Error {
  constructor(
    /** What went wrong, for code. */
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
