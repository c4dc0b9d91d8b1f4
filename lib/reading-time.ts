/**
 * 学习时长 as kept: per article (by its key), milliseconds of actual reading per
 * local day, in extension storage on this machine (never sent anywhere). One
 * storage entry per article, so two tabs of different articles never overwrite
 * each other. Written by the reader script, read by the notebook and export.
 */
import { storage } from './storage';

/** Reading of one article: milliseconds per local day (YYYY-MM-DD). */
export type ReadingDays = Record<string, number>;

function itemKey(articleKey: string): `local:${string}` {
  return `local:readingTime:${articleKey}`;
}

/** Adds `ms` of reading on `day` to article `articleKey`. */
export async function addReading(articleKey: string, day: string, ms: number): Promise<void> {
  const key = itemKey(articleKey);
  const days = (await storage.getItem<ReadingDays>(key)) ?? {};
  days[day] = (days[day] ?? 0) + ms;
  await storage.setItem(key, days);
}

/** The reading of each of `articleKeys` (articles never read are left out). */
export async function readingOf(articleKeys: readonly string[]): Promise<Map<string, ReadingDays>> {
  const out = new Map<string, ReadingDays>();
  if (articleKeys.length === 0) return out;
  const items = await storage.getItems(articleKeys.map(itemKey));
  items.forEach((item, i) => {
    if (item.value && typeof item.value === 'object') out.set(articleKeys[i]!, item.value as ReadingDays);
  });
  return out;
}

/** Whole minutes of `days` in all (rounded to the nearest minute). */
export function totalMinutes(days: ReadingDays): number {
  return Math.round(Object.values(days).reduce((sum, ms) => sum + ms, 0) / 60_000);
}
