/**
 * Typed entries of `browser.storage.local`: the part of WXT's storage API that
 * 研读 uses (items with a fallback, read, write, watch; plain keys for
 * 学习时长), in a few lines, because the reader script has a 60 kB budget
 * (DESIGN.md) and @wxt-dev/storage costs it 2.5 kB gzipped. Keys keep WXT's
 * `local:name` form, and values sit under `name` as before, so nothing stored
 * moves.
 */
import { browser } from 'wxt/browser';

/** A key of `browser.storage.local`, written as WXT wrote it. */
export type LocalKey = `local:${string}`;

/** One stored setting: its value, or `fallback` while nothing is stored. */
export interface StorageItem<T> {
  /** Its key (to read several entries in one `getItems`). */
  readonly key: LocalKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** Stores `value`; null or undefined removes the entry (the fallback answers again). */
  setValue(value: T | null | undefined): Promise<void>;
  /** Removes the entry (the fallback answers again). */
  removeValue(): Promise<void>;
  /** Calls `callback` whenever another context (or this one) stores a different value; returns the unwatch. */
  watch(callback: (value: T, old: T) => void): () => void;
}

const area = () => browser.storage.local;
const name = (key: LocalKey): string => key.slice('local:'.length);

async function getItem<T>(key: LocalKey): Promise<T | null> {
  const k = name(key);
  return ((await area().get(k))[k] as T | undefined) ?? null;
}

async function setItem(key: LocalKey, value: unknown): Promise<void> {
  const k = name(key);
  if (value == null) await area().remove(k);
  else await area().set({ [k]: value });
}

/** The stored value of each key (null where nothing is stored), in the order asked. */
async function getItems(keys: readonly LocalKey[]): Promise<{ key: LocalKey; value: unknown }[]> {
  const stored = await area().get(keys.map(name));
  return keys.map((key) => ({ key, value: stored[name(key)] ?? null }));
}

function defineItem<T>(key: LocalKey, options: { fallback: T }): StorageItem<T> {
  const k = name(key);
  const { fallback } = options;
  return {
    key,
    fallback,
    getValue: async () => (await getItem<T>(key)) ?? fallback,
    setValue: (value) => setItem(key, value),
    removeValue: () => setItem(key, null),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, areaName: string): void => {
        const change = changes[k];
        if (areaName !== 'local' || !change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback((change.newValue as T | undefined) ?? fallback, (change.oldValue as T | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export const storage = { defineItem, getItem, setItem, getItems };
