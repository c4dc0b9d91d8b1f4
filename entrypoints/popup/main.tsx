import { render } from 'preact';
import { PopupView, type PopupData } from '@/components/PopupView';
import type { AnnotationWithArticle } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';
import './style.css';

/** How many of the newest highlights the popup lists. */
const RECENT_LIMIT = 50;

/** The tab the popup is about: `?tab=ID` (for tests and the demo) or the active tab. */
async function currentTab(): Promise<{ id?: number; url?: string } | undefined> {
  const tabParam = new URLSearchParams(location.search).get('tab');
  if (tabParam) return browser.tabs.get(Number(tabParam));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Asks the background to run the reader on `tabId`, then closes the popup (the page shows the result). */
async function analyseTab(tabId: number, show: (data: PopupData) => void, shown: PopupData): Promise<void> {
  try {
    await sendMessage('runReaderOnTab', { tabId });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  } catch (error) {
    show({ ...shown, error: `无法分析本页：${error instanceof Error ? error.message : String(error)}` });
  }
}

async function load(show: (data: PopupData) => void): Promise<void> {
  show({ page: null, recent: null, error: null });
  try {
    const [tab, recent] = await Promise.all([currentTab(), sendMessage('recentAnnotations', { limit: RECENT_LIMIT })]);
    const url = tab?.url;
    let page: AnnotationWithArticle[] = [];
    if (url && /^https?:/.test(url)) {
      // The page's reader script knows its canonical link; without one running, the address alone.
      const query = tab?.id === undefined ? { url } : await sendMessage('pageIdentity', undefined, tab.id).catch(() => ({ url }));
      const records = await sendMessage('annotationsForArticle', query);
      const title = recent.find((r) => records.some((p) => p.id === r.id))?.articleTitle ?? '';
      page = records.map((r) => ({ ...r, articleTitle: title, articleUrl: url }));
    }
    const data: PopupData = { page, recent, error: null };
    const tabId = tab?.id;
    if (tabId !== undefined && url && /^https?:/.test(url)) data.onAnalysePage = () => void analyseTab(tabId, show, data);
    show(data);
  } catch (error) {
    show({ page: [], recent: [], error: `读取标注失败：${error instanceof Error ? error.message : String(error)}` });
  }
}

const app = document.getElementById('app')!;
void load((data) => render(<PopupView {...data} />, app));
