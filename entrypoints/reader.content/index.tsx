/**
 * The reader script: extract → analyse → mark, re-attach the reader's own
 * highlights, and turn a selection into a saved highlight. Wiring only; the
 * logic lives in lib/ and components/.
 */
import '@/components/SelectionToolbar.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { analyze } from '@/lib/analysis';
import { extractArticle } from '@/lib/extract';
import { MARK_STYLE } from '@/lib/highlight';
import { sendMessage } from '@/lib/messaging';
import { markPageDone } from '@/lib/page-state';
import { OFFICIAL_SITE_MATCHES } from '@/lib/sites';
import { SelectionToolbar, type ToolbarState } from '@/components/SelectionToolbar';
import { markAnalysis, restoreHighlights } from './marks';
import { createSelectionController } from './selection';

export default defineContentScript({
  matches: OFFICIAL_SITE_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const startedAt = performance.now();
    const pageUrl = location.href;
    // Ask for saved highlights now; the answer arrives while we analyse.
    const saved = sendMessage('annotationsForArticle', { url: pageUrl }).catch((error: unknown) => {
      console.warn('[研读] 读取已保存的标注失败', error);
      return [];
    });

    const style = document.createElement('style');
    style.textContent = MARK_STYLE;
    (document.head ?? document.documentElement).append(style);

    const article = extractArticle(document);
    let isPolicy = false;
    if (article) {
      const analysis = analyze({ text: article.text, title: article.title });
      isPolicy = analysis.isPolicy;
      if (isPolicy) markAnalysis(article.map, analysis.items);
      restoreHighlights(article.map, await saved);
      void sendMessage('reportPage', {
        isPolicy,
        directiveCount: isPolicy ? analysis.items.filter((item) => item.kind === 'directive').length : 0,
      }).catch(() => undefined);

      const toolbar = signal<ToolbarState>({ at: null, message: null, busy: false });
      const controller = createSelectionController(ctx, article.map, toolbar, {
        url: pageUrl,
        title: article.title ?? document.title,
      });
      const ui = await createShadowRootUi(ctx, {
        name: 'yandu-toolbar',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount: (container) => {
          render(<SelectionToolbar state={toolbar.value} onHighlight={controller.highlight} />, container);
          toolbar.subscribe((state) =>
            render(<SelectionToolbar state={state} onHighlight={controller.highlight} />, container),
          );
          return container;
        },
        onRemove: (container) => {
          if (container) render(null, container);
        },
      });
      ui.mount();
    }
    markPageDone(document.documentElement, { isPolicy, elapsedMs: performance.now() - startedAt });
  },
});
