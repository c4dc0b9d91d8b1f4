import { openDb } from '@/lib/db/schema';
import { onMessage } from '@/lib/messaging';
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
  },
});
