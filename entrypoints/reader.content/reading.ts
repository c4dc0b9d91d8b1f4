/**
 * 学习时长 on the page: a ReadingClock (lib/reader/reading-clock) fed by the
 * reader's actions and the tab's visibility, its time added to the article's
 * reading in extension storage (lib/reading-time), on this machine only.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleKey } from '@/lib/article-key';
import { localIsoDate } from '@/lib/export/dates';
import { ReadingClock } from '@/lib/reader/reading-clock';
import { addReading } from '@/lib/reading-time';
import { readingTimeItem } from '@/lib/study-settings';
import { pageQuery } from './notes-state';

/** What counts as the reader being active on the page. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;
/** How often the clock counts. */
const TICK_MS = 1_000;

/** Starts counting this page's reading time, unless the reader switched 学习时长 off. */
export async function startReadingClock(ctx: ContentScriptContext): Promise<void> {
  if (!(await readingTimeItem.getValue().catch(() => true))) return;
  // One write at a time: each adds to what the last one stored.
  let writing = Promise.resolve();
  const clock = new ReadingClock({
    now: () => performance.now(),
    visible: () => document.visibilityState === 'visible',
    flush: (ms) => {
      const query = pageQuery();
      const key = articleKey(query.url, query.canonicalUrl);
      writing = writing
        .then(() => addReading(key, localIsoDate(Date.now()), ms))
        .catch((error: unknown) => console.warn('[研读] 学习时长未能保存', error));
    },
  });
  for (const type of ACTIVITY_EVENTS) ctx.addEventListener(window, type, () => clock.activity(), { capture: true, passive: true });
  ctx.addEventListener(document, 'visibilitychange', () => clock.visibility());
  ctx.addEventListener(window, 'pagehide', () => clock.stop());
  ctx.setInterval(() => clock.tick(), TICK_MS);
  ctx.onInvalidated(() => clock.stop());
}
