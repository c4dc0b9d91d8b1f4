/**
 * The popup: reads only what it first shows (this page's notes and analysis,
 * five recent articles, twenty recent notes) straight from the database (the
 * popup is an extension page), then searches as the reader types. Export and
 * the notebook load only when asked for.
 */
import { render } from 'preact';
import { PopupView, type PopupData } from '@/components/PopupView';
import { popupSnapshot, queryNotes } from '@/lib/db/notebook';
import type { NoteRow } from '@/lib/model/notebook';
import type { AnnotationWithArticle } from '@/lib/model/records';
import { openDb } from '@/lib/db/schema';
import { explainFailure } from '@/lib/explain';
import { keepNoted } from '@/lib/db/noted';
import { notedStore } from '@/lib/noted-articles';
import { sendMessage } from '@/lib/messaging';
import './style.css';

/** How many of the newest highlights the popup lists. */
const RECENT_LIMIT = 20;
/** How many search results the popup lists (the notebook shows all). */
const RESULT_LIMIT = 30;

const db = openDb();
// Notes written here (delete, restore, import) update the set the reader script reads (lib/noted-articles.ts).
keepNoted(db, notedStore(browser.storage.local));
const app = document.getElementById('app')!;
let data: PopupData = { page: null, recent: null, error: null };

function show(patch: Partial<PopupData>): void {
  data = { ...data, ...patch };
  render(<PopupView {...data} />, app);
}

function flat(rows: readonly NoteRow[]): AnnotationWithArticle[] {
  return rows.map((row) => ({ ...row.note, articleTitle: row.articleTitle, articleUrl: row.articleUrl }));
}

/** The tab the popup is about: `?tab=ID` (for tests and the demo) or the active tab. */
async function currentTab(): Promise<{ id?: number; url?: string } | undefined> {
  const tabParam = new URLSearchParams(location.search).get('tab');
  if (tabParam) return browser.tabs.get(Number(tabParam));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Asks the background to run the reader on `tabId`, then closes the popup (the page shows the result). */
async function analyseTab(tabId: number): Promise<void> {
  try {
    await sendMessage('runReaderOnTab', { tabId });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  } catch (error) {
    show({ error: `无法分析本页：${explainFailure(error)}` });
  }
}

/** Exports this page's notes as Word (the export code loads only now). */
async function exportPage(articleKey: string): Promise<void> {
  try {
    const [{ studyRecordOf }, { exportStudyRecord }, { saveFile }, { docxLayoutItem }] = await Promise.all([
      import('@/lib/notebook/study-record'),
      import('@/lib/export'),
      import('../notebook/download'),
      import('@/lib/study-settings'),
    ]);
    const record = await studyRecordOf(db, { articleKeys: [articleKey], noteIds: [] });
    const file = await exportStudyRecord('docx', record, { docxLayout: await docxLayoutItem.getValue() });
    saveFile(file);
    show({ status: `已导出：${file.filename}` });
  } catch (error) {
    show({ error: `导出失败：${explainFailure(error)}` });
  }
}

/** Exports this page's own notes as a 学习包 (the code loads only now). */
async function studyPackPage(articleKey: string): Promise<void> {
  try {
    const [{ studyPackOf }, { studyPackFile }, { currentMember }, { saveFile }] = await Promise.all([
      import('@/lib/db/study-pack'),
      import('@/lib/sync/study-pack'),
      import('@/lib/sync/member'),
      import('../notebook/download'),
    ]);
    const file = studyPackFile(await studyPackOf(db, { articleKeys: [articleKey], noteIds: [] }, await currentMember()));
    saveFile(file);
    show({ status: `已导出学习包：${file.filename}` });
  } catch (error) {
    show({ error: `导出学习包失败：${explainFailure(error)}` });
  }
}

/** Shows the last sync's failure, if any (settings has the whole story). */
async function showSyncProblem(): Promise<void> {
  const [{ statusLine, syncStatusItem }, { formatTime }] = await Promise.all([import('@/lib/sync/settings'), import('@/lib/sync/time')]);
  const status = await syncStatusItem.getValue();
  show({ syncProblem: status.state === 'error' ? statusLine(status, formatTime) : null });
}

let searchRun = 0;
async function search(query: string): Promise<void> {
  const run = ++searchRun;
  show({ query, results: null });
  if (query.trim() === '') return;
  try {
    const { rows } = await queryNotes(db, { query }, 'relevance', 0, RESULT_LIMIT);
    if (run === searchRun) show({ results: flat(rows) });
  } catch (error) {
    show({ error: `搜索失败：${explainFailure(error)}` });
  }
}

async function load(): Promise<void> {
  show({ onQuery: (q) => void search(q), onOpenNotebook: () => void browser.tabs.create({ url: browser.runtime.getURL('/notebook.html') }) });
  try {
    const tab = await currentTab();
    const url = tab?.url && /^https?:/.test(tab.url) ? tab.url : null;
    const tabId = tab?.id;
    // The page's reader script knows its canonical link; without one running, the address alone.
    const query = url && tabId !== undefined ? await sendMessage('pageIdentity', undefined, tabId).catch(() => ({ url })) : url ? { url } : null;
    const [snapshot, recent] = await Promise.all([popupSnapshot(db, query), queryNotes(db, {}, 'newest', 0, RECENT_LIMIT)]);
    const first = snapshot.page[0];
    show({
      page: flat(snapshot.page),
      recent: flat(recent.rows),
      summary: snapshot.summary,
      recentArticles: snapshot.recentArticles,
      onAnalysePage: tabId !== undefined && url ? () => void analyseTab(tabId) : undefined,
      onExportPage: first ? () => void exportPage(first.note.articleKey) : undefined,
      onStudyPackPage: snapshot.page.some((row) => row.note.author === undefined) && first ? () => void studyPackPage(first.note.articleKey) : undefined,
    });
    void showSyncProblem().catch(() => undefined);
  } catch (error) {
    show({ page: [], recent: [], error: `读取标注失败：${explainFailure(error)}` });
  }
}

void load();
