/** The reader's tags, kept apart from the notes so the note editor can offer completion. */
import type { YanduDb } from './database';

/** How many tags completion offers at most. */
export const MAX_SUGGESTED_TAGS = 200;

/** Marks `tags` as used now (call inside a transaction that includes db.tags). */
export async function rememberTags(db: YanduDb, tags: readonly string[], now: number): Promise<void> {
  if (tags.length > 0) await db.tags.bulkPut(tags.map((name) => ({ name, lastUsedAt: now })));
}

/** All tags, the most recently used first. */
export async function listTags(db: YanduDb): Promise<string[]> {
  const all = await db.tags.toArray();
  return all
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, MAX_SUGGESTED_TAGS)
    .map((tag) => tag.name);
}
