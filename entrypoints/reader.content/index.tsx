/**
 * The reader script: runs the page reader (extract → analyse → mark, with a
 * bounded watch for late content and history navigation), the outline panel,
 * and the selection toolbar for the reader's own highlights. Wiring only; the
 * logic lives in lib/ and components/.
 */
import { MARK_STYLE } from '@/lib/highlight';
import { onMessage } from '@/lib/messaging';
import { OFFICIAL_SITE_MATCHES } from '@/lib/sites';
import { mountPanel } from './panel-ui';
import { PageReader } from './reader';
import { mountSelectionUi } from './selection-ui';

/** Set in the page's isolated world by the background before it injects us on the reader's request. */
interface ReaderGlobals {
  __yanduForced?: boolean;
  __yanduRunning?: boolean;
}

export default defineContentScript({
  matches: OFFICIAL_SITE_MATCHES,
  runAt: 'document_idle',
  // Styles go into our shadow roots inline (`?inline` imports): a page where the reader is injected on
  // request may not load extension files, and nothing needs to be web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const globals = globalThis as ReaderGlobals;
    // Injected a second time (the reader clicked on an enabled site): the running reader answers instead.
    if (globals.__yanduRunning) return;
    globals.__yanduRunning = true;
    const forced = globals.__yanduForced === true;

    const style = document.createElement('style');
    style.textContent = MARK_STYLE;
    (document.head ?? document.documentElement).append(style);

    const panel = await mountPanel(ctx);
    let selectionMounted = false;
    const reader = new PageReader(ctx, {
      panel,
      onArticle: (map, article) => {
        if (selectionMounted) return;
        selectionMounted = true;
        void mountSelectionUi(ctx, map, { url: location.href, title: article.title ?? document.title });
      },
    });
    onMessage('runReader', ({ data }) => reader.run(data.forced === true));
    await reader.run(forced);
  },
});
