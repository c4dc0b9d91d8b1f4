/**
 * What the reader asks of extension storage for a page, in one round trip, as soon as the page starts to load:
 * the settings it needs to mark (kinds, colours) and the page's entry in the noted set (lib/noted-articles.ts).
 *
 * The reader script is large and Chromium compiles all of it before it runs (scripts/compile-hint.ts), so a small
 * script of its own (entrypoints/reader-early.ts) asks first and hands the answer over in the content
 * scripts' world (PAGE_START_GLOBAL): the round trip runs while the reader is compiled. Where the reader is
 * injected on request, without the small script, it asks itself.
 */
import { articleKey } from '../article-key';
import { notedEntry } from '../noted-articles';
import { storage, type LocalKey } from '../storage';
import { KIND_COLORS_KEY, MARK_KINDS_KEY } from './preference-keys';

/** The storage read of one page start: the article key it was made for and the values by storage key. */
export interface PageStartRead {
  key: string;
  values: Promise<Map<LocalKey, unknown>>;
}

/** The global (of the content scripts' isolated world, never the page's) that hands the early read over. */
export const PAGE_START_GLOBAL = '__yanduPageStart';

/** The storage key of the noted-set entry of an article key. */
export function notedItemKey(key: string): LocalKey {
  return `local:${notedEntry(key)}`;
}

/** Asks storage for the settings and the noted-set entry of the article at `url` (canonical link, when known). */
export function readPageStart(url: string, canonicalUrl?: string | null): PageStartRead {
  const key = articleKey(url, canonicalUrl);
  const values = storage
    .getItems([MARK_KINDS_KEY, KIND_COLORS_KEY, notedItemKey(key)])
    .then((items) => new Map(items.map((item) => [item.key, item.value])));
  // A failed read is the reader's to handle (it asks the background instead); until it takes the read over, the
  // failure is not reported as unhandled.
  values.catch(() => undefined);
  return { key, values };
}

/** The early script's read, taken (once) when it was made for `key`; null when there is none for it. */
export function takeEarlyRead(scope: Record<string, unknown>, key: string): PageStartRead | null {
  const early = scope[PAGE_START_GLOBAL] as PageStartRead | undefined;
  delete scope[PAGE_START_GLOBAL];
  return early?.key === key ? early : null;
}
