import { openDb } from '@/lib/db/schema';
import { onMessage, sendMessage } from '@/lib/messaging';
import { parseMessage, TabQuerySchema } from '@/lib/protocol/schema';
import { badgeText, createDbHandlers } from '@/lib/protocol/handlers';

export default defineBackground({
  main() {
    const handlers = createDbHandlers(openDb());
    onMessage('saveAnnotation', ({ data }) => handlers.saveAnnotation(data));
    onMessage('annotationsForArticle', ({ data }) => handlers.annotationsForArticle(data));
    onMessage('recentAnnotations', ({ data }) => handlers.recentAnnotations(data));
    onMessage('reportPage', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      await browser.action.setBadgeText({ tabId, text: badgeText(data) });
    });
    onMessage('runReaderOnTab', async ({ data, sender }) => {
      // Only our own pages (the popup) may ask; a web page's content script may not.
      if (!sender.url?.startsWith(browser.runtime.getURL('/'))) throw new Error('只有研读自己的页面可以发起分析');
      const { tabId } = parseMessage(TabQuerySchema, data, 'runReaderOnTab');
      try {
        await sendMessage('runReader', { forced: true }, tabId);
      } catch {
        // No reader script in that tab yet (not an enabled site): inject it, flagged as asked for.
        await browser.scripting.executeScript({
          target: { tabId },
          func: () => {
            (globalThis as { __yanduForced?: boolean }).__yanduForced = true;
          },
        });
        await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/reader.js'] });
      }
    });
  },
});
