/**
 * The reader script's side of the notebook: records a policy article's analysis
 * (outline and formulations, never the text) for the 提法库, and scrolls to the
 * note a notebook link names (`#yd-note=ID`), once per page.
 */
import type { Analysis } from '@/lib/analysis';
import { siteNameOf } from '@/lib/citation';
import type { ExtractedArticle } from '@/lib/extract';
import { sendMessage } from '@/lib/messaging';
import { analysisRecord, linkedNoteId } from '@/lib/notebook/summary';
import { jumpToNote, marksOfNote, pageQuery } from './notes-state';

/** Sends the analysis of a policy article to the background for the 提法库. */
export function reportAnalysis(analysis: Analysis, article: ExtractedArticle): void {
  if (!analysis.isPolicy) return;
  const record = analysisRecord(analysis, article.text, {
    page: { ...pageQuery(), title: article.title ?? document.title },
    source: siteNameOf(location.hostname, article.siteName),
    date: article.published ?? null,
  });
  void sendMessage('recordAnalysis', record).catch((error: unknown) => console.warn('[研读] 记录文章分析失败', error));
}

/** The linked note already scrolled to on this page. */
let jumped: string | null = null;

/** Scrolls to the note named by the page's address, if it is on the page and not done yet. */
export function jumpToLinkedNote(): void {
  const id = linkedNoteId(location.hash);
  if (id === null || id === jumped || marksOfNote(id).length === 0) return;
  jumped = id;
  jumpToNote(id);
}
