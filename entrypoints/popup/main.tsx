import { render } from 'preact';
import { PopupView, type PopupData } from '@/components/PopupView';
import type { AnnotationWithArticle } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';
import './style.css';

/** How many of the newest highlights the popup lists. */
const RECENT_LIMIT = 50;

/** The URL of the page the popup is about: `?tab=ID` (for tests and the demo) or the active tab. */
async function currentPageUrl(): Promise<string | undefined> {
  const tabParam = new URLSearchParams(location.search).get('tab');
  if (tabParam) return (await browser.tabs.get(Number(tabParam))).url;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

async function load(show: (data: PopupData) => void): Promise<void> {
  show({ page: null, recent: null, error: null });
  try {
    const [url, recent] = await Promise.all([currentPageUrl(), sendMessage('recentAnnotations', { limit: RECENT_LIMIT })]);
    let page: AnnotationWithArticle[] = [];
    if (url && /^https?:/.test(url)) {
      const records = await sendMessage('annotationsForArticle', { url });
      const title = recent.find((r) => records.some((p) => p.id === r.id))?.articleTitle ?? '';
      page = records.map((r) => ({ ...r, articleTitle: title, articleUrl: url }));
    }
    show({ page, recent, error: null });
  } catch (error) {
    show({ page: [], recent: [], error: `读取标注失败：${error instanceof Error ? error.message : String(error)}` });
  }
}

const app = document.getElementById('app')!;
void load((data) => render(<PopupView {...data} />, app));
