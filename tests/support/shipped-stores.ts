/**
 * Each earlier schema version's stores exactly as it shipped (lib/db/schema.ts
 * history), to make fixture databases as an older 研读 left them.
 */
import type { Dexie } from 'dexie';
import { defineVersion1 } from '@/lib/db/schema';

/** Versions 2… as they shipped (version 1: defineVersion1). */
export const SHIPPED_STORES: Record<number, Record<string, string>> = {
  2: { articles: 'key, lastSeenAt, site', annotations: 'id, articleKey, createdAt, deletedAt', tags: 'name', meta: 'key' },
  3: {
    articles: 'key, lastSeenAt, site, *terms',
    annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags',
    tags: 'name',
    meta: 'key',
    summaries: 'articleKey, lastReadAt',
    formulations: 'text, articles, firstSeenAt',
    sightings: 'id, text, articleKey',
  },
  4: { annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags' },
  5: { annotations: 'id, articleKey, createdAt, deletedAt, *terms, *tags' },
  6: { articles: 'key, lastSeenAt, site', annotations: 'id, articleKey, createdAt, deletedAt, touchedAt', searchPacks: 'id' },
  7: { annotations: 'id, articleKey, deletedAt, touchedAt' },
};

/** Defines versions 1 to `version` on `db` as they shipped (no upgrades: a fixture is filled in that shape). */
export function defineShippedVersions(db: Dexie, version: number): void {
  defineVersion1(db);
  for (let v = 2; v <= version; v++) db.version(v).stores(SHIPPED_STORES[v]!);
}
