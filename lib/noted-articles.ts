/**
 * Which articles have notes, kept where a content script reads it without
 * waking the background: one entry per article key in the extension's local
 * storage (`noted:<article key>`). Written by whoever writes notes (the
 * background, the notebook, settings: lib/db/noted.ts), read by the reader
 * script, which asks the background for a page's notes only when its key is
 * there. Most pages have none, so most pages send no message before done.
 */

/** The storage entry of one article key. */
export function notedEntry(articleKey: string): string {
  return `noted:${articleKey}`;
}

/** The article key of a storage entry, or null for other entries. */
export function notedKeyOf(entry: string): string | null {
  return entry.startsWith('noted:') ? entry.slice('noted:'.length) : null;
}

/** The part of `browser.storage.local` used here (so tests pass an in-memory one). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The set of article keys with notes, as stored. */
export interface NotedStore {
  /** Marks articles as having notes. */
  add(keys: readonly string[]): Promise<void>;
  /** Marks articles as having none. */
  remove(keys: readonly string[]): Promise<void>;
  /** Replaces the whole set (after an install, an upgrade, a browser start). */
  replaceAll(keys: Iterable<string>): Promise<void>;
  /** Whether any of `keys` is in the set. */
  hasAny(keys: readonly string[]): Promise<boolean>;
}

/** The set kept in a storage area (`browser.storage.local`). */
export function notedStore(area: StorageAreaLike): NotedStore {
  return {
    async add(keys) {
      if (keys.length > 0) await area.set(Object.fromEntries(keys.map((key) => [notedEntry(key), 1])));
    },
    async remove(keys) {
      if (keys.length > 0) await area.remove(keys.map(notedEntry));
    },
    async replaceAll(keys) {
      const wanted = new Set(keys);
      const stale = Object.keys(await area.get(null)).filter((entry) => {
        const key = notedKeyOf(entry);
        return key !== null && !wanted.has(key);
      });
      if (stale.length > 0) await area.remove(stale);
      await this.add([...wanted]);
    },
    hasAny: (keys) => hasNotes(area, keys),
  };
}

/** Whether any of `keys` has notes: the reader script's one read (so its bundle holds nothing else of the store). */
export async function hasNotes(area: Pick<StorageAreaLike, 'get'>, keys: readonly string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const found = await area.get(keys.map(notedEntry));
  return keys.some((key) => found[notedEntry(key)] !== undefined);
}
