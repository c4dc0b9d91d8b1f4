/**
 * The reader script: runs the page reader (extract → analyse → mark, with a
 * bounded watch for late content and history navigation), the outline panel,
 * and the selection toolbar for the reader's own highlights. Wiring only; the
 * logic lives in lib/ and components/.
 */
import { siteNameOf } from '@/lib/citation';
import { MARK_STYLE } from '@/lib/highlight';
import { kindColorStyle } from '@/lib/reader/mark-kinds';
import { kindColorsItem } from '@/lib/reader/preferences';
import { onMessage } from '@/lib/messaging';
import { OFFICIAL_SITE_MATCHES } from '@/lib/model/sites';
import { repairUndeclaredUtf8 } from './charset';
import { readsThisFrame } from './frames';
import { loadOtherPages } from './multipage';
import { mountPanel } from './panel-ui';
import { PageReader } from './reader';
import { startReadingClock } from './reading';
import { mountNotesUi } from './notes-ui';

/** Set in the page's isolated world by the background before it injects us on the reader's request. */
interface ReaderGlobals {
  __yanduForced?: boolean;
  __yanduRunning?: boolean;
}

/** Resolves once the page's DOM is parsed. */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export default defineContentScript({
  matches: OFFICIAL_SITE_MATCHES,
  // Starts at document_start only to send the first (slow) message early; reading waits for the DOM.
  runAt: 'document_start',
  // Old CMSs put the article in a frame (frameset, iframe) of the same site: the reader reads it there.
  allFrames: true,
  // Styles go into our shadow roots inline (`?inline` imports): a page where the reader is injected on
  // request may not load extension files, and nothing needs to be web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // A frame of another site (an ad, a video player) is not read.
    if (!readsThisFrame()) return;
    const globals = globalThis as ReaderGlobals;
    // Injected a second time (the reader clicked on an enabled site): the running reader answers instead.
    if (globals.__yanduRunning) return;
    globals.__yanduRunning = true;
    const forced = globals.__yanduForced === true;
    let selectionMounted = false;
    // The marks' styles and the reader's colours per kind (settings, after the defaults, overriding them): made
    // while the page loads, put into it before the first marks (a page without marks gets them after done).
    const style = document.createElement('style');
    style.textContent = MARK_STYLE;
    const colors = document.createElement('style');
    let styled = false;
    const addStyles = (): void => {
      if (styled) return;
      styled = true;
      reader.ownWrite(() => (document.head ?? document.documentElement).append(style, colors));
    };
    const reader = new PageReader(ctx, {
      beforeMarks: addStyles,
      onArticle: (map, article) => {
        if (selectionMounted) return;
        selectionMounted = true;
        // After this run has finished: the toolbar is not needed until the reader selects text (and the
        // article's date, read from the page when first asked for, is not needed before either).
        const url = location.href;
        ctx.setTimeout(() => {
          // The notebook's 全文网页: the article's text and structure, as read (notes' positions count in it).
          // Asked of the whole tab, so only a frame that has an article answers (a frameset's top has none).
          onMessage('articleText', () => reader.fullText());
          const page = { url, title: article.title ?? document.title, site: siteNameOf(location.hostname, article.siteName), published: article.published ?? null };
          void mountNotesUi(ctx, map, page, reader.ownWrite);
        }, 0);
      },
    });
    // Set up while the page loads, so that none of it counts against reading the parsed page: the colours
    // and the listeners (a browser's first use of an extension event costs 0.5–2 ms).
    const paint = (value: Parameters<typeof kindColorStyle>[0] | null): void => {
      colors.textContent = kindColorStyle(value ?? {});
    };
    void reader.kindColors.then(paint, () => undefined);
    const unwatchColors = kindColorsItem.watch(paint);
    ctx.onInvalidated(unwatchColors);
    onMessage('runReader', async ({ data }) => {
      await domReady();
      return reader.run(data.forced === true);
    });
    await domReady();
    // data-yd-ms counts from here: the reader's start on the parsed page.
    const startedAt = performance.now();
    // A page in UTF-8 that does not say so was read as GBK: its text is put right before it is read
    // (and before anything of ours is in the page, so that its tree is the page's own).
    await repairUndeclaredUtf8(document);
    await reader.run(forced, startedAt);
    // Own highlights come after this (the notes UI mounts after done): a page without marks gets the styles now.
    addStyles();
    // 学习时长 counts on pages where an article was found.
    if (reader.fullText() !== null) void startReadingClock(ctx);
    // The panel is not part of reading the page: it mounts once the marks are there.
    await mountPanel(ctx, reader.panelContent, {
      // The other pages go into the article, then the reader reads it again: marks and outline over all pages.
      loadPages: async (shown) => {
        const count = await loadOtherPages(shown.articleRoot, shown.pages, location.href);
        await reader.run(false);
        return count;
      },
      ownWrite: reader.ownWrite,
    });
  },
});
