/**
 * How a backup's records merge with what the database already holds, table by
 * table. Pure: each rule looks at two records and says which to keep, so the
 * rules are tested without a database.
 */

/** A record of any table, as it travels in a backup. */
export type BackupRecord = Record<string, unknown>;

/** How one table merges. */
export interface MergeRule {
  /**
   * The record to store when the database already has one with the same
   * primary key, or null to keep the stored one unchanged.
   */
  resolve: (stored: BackupRecord, incoming: BackupRecord) => BackupRecord | null;
  /**
   * A second identity besides the primary key: an incoming record whose
   * identity matches a stored record's is a duplicate and is skipped.
   */
  duplicate?: {
    /** The indexed field to look stored candidates up by. */
    index: string;
    /** The identity of a record. */
    key: (record: BackupRecord) => string;
  };
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Articles: the union of what both know; title and URL from the more recent visit. */
function mergeArticle(stored: BackupRecord, incoming: BackupRecord): BackupRecord | null {
  const newer = num(incoming.lastSeenAt) > num(stored.lastSeenAt) ? incoming : stored;
  const merged: BackupRecord = {
    ...stored,
    ...newer,
    firstSeenAt: Math.min(num(stored.firstSeenAt), num(incoming.firstSeenAt)),
    lastSeenAt: Math.max(num(stored.lastSeenAt), num(incoming.lastSeenAt)),
  };
  const changed = Object.keys(merged).some((k) => merged[k] !== stored[k]);
  return changed ? merged : null;
}

/** Notes: the later edit wins (revision first, then time), so a deletion or edit made later is kept. */
function mergeAnnotation(stored: BackupRecord, incoming: BackupRecord): BackupRecord | null {
  const later =
    num(incoming.revision) > num(stored.revision) ||
    (num(incoming.revision) === num(stored.revision) && num(incoming.updatedAt) > num(stored.updatedAt));
  return later ? incoming : null;
}

/** Tags: keep the later use. */
function mergeTag(stored: BackupRecord, incoming: BackupRecord): BackupRecord | null {
  return num(incoming.lastUsedAt) > num(stored.lastUsedAt) ? incoming : null;
}

/** The same article and the same quote (text with its context) is the same note, whatever its id. */
export function noteIdentity(record: BackupRecord): string {
  const quote = (record.quote ?? {}) as Record<string, unknown>;
  return JSON.stringify([record.articleKey, quote.exact, quote.prefix, quote.suffix]);
}

/** Rules of the tables we know. */
export const MERGE_RULES: Record<string, MergeRule> = {
  articles: { resolve: mergeArticle },
  annotations: { resolve: mergeAnnotation, duplicate: { index: 'articleKey', key: noteIdentity } },
  tags: { resolve: mergeTag },
};

/** Any other table: what is stored stays; only records it lacks are added. */
export const KEEP_STORED: MergeRule = { resolve: () => null };
