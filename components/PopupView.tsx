/**
 * The popup: a search box; this page's highlights and its automatic outline;
 * the recent articles; the newest highlights of all pages; buttons to export
 * this article and open the notebook; a clear empty state.
 */
import type { JSX } from 'preact';
import type { AnnotationWithArticle, SummaryRecord } from '@/lib/model/records';
import type { ArticleRow } from '@/lib/model/notebook';
import { HighlightList } from './HighlightList';

/** What the popup shows; `null` lists are still loading. */
export interface PopupData {
  /** The highlights of the page in the current tab; null while loading. */
  page: AnnotationWithArticle[] | null;
  /** The newest highlights of all pages; null while loading. */
  recent: AnnotationWithArticle[] | null;
  /** An error to show instead of the lists, in Chinese. */
  error: string | null;
  /** Present when the current tab is a web page the reader can ask 研读 to analyse. */
  onAnalysePage?: () => void;
  /** This page's recorded analysis (outline and counts), when it was read as a policy article. */
  summary?: SummaryRecord | null;
  /** The most recently read articles with their note counts. */
  recentArticles?: readonly ArticleRow[] | null;
  /** The search box's text. */
  query?: string;
  /** Search results for `query`; null while searching. */
  results?: AnnotationWithArticle[] | null;
  /** Reports typing in the search box. */
  onQuery?: (query: string) => void;
  /** Present when this page has notes to export. */
  onExportPage?: () => void;
  /** Opens the notebook. */
  onOpenNotebook?: () => void;
  /** Present when this page has notes of the reader's own: exports them as a 学习包 for the 支部. */
  onStudyPackPage?: () => void;
  /** What the last export did. */
  status?: string | null;
  /** The sync status line when the last sync failed (上次同步：… 失败。…); absent otherwise. */
  syncProblem?: string | null;
}

const DAY = new Intl.DateTimeFormat('zh-CN', { month: '2-digit', day: '2-digit' });

function Outline({ summary }: { summary: SummaryRecord }): JSX.Element {
  return (
    <section aria-labelledby="yd-outline-heading">
      <h2 id="yd-outline-heading">本页提纲</h2>
      <p class="counts">{summary.counts}</p>
      <ol class="outline">
        {summary.outline.map((entry, i) => (
          <li key={i}>
            {entry.marker ? `${entry.marker} ` : ''}
            {entry.label}
            {entry.children.length > 0 && <span class="sub">（{entry.children.length}项）</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PopupView(props: PopupData): JSX.Element {
  const { page, recent, error, onAnalysePage, summary, recentArticles, query = '', results, onQuery } = props;
  const searching = query.trim() !== '';
  const nothingYet = page?.length === 0 && recent?.length === 0;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>研读</h1>
        {onAnalysePage && (
          <button type="button" class="analyse" onClick={onAnalysePage} title="在当前网页上标出提纲、举措、提法和排比">
            分析本页
          </button>
        )}
      </header>
      {onQuery && (
        <input class="search" type="search" role="searchbox" aria-label="搜索笔记" placeholder="搜索划线、批注、标签" value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      )}
      <div class="buttons">
        {props.onExportPage && <button type="button" onClick={props.onExportPage}>导出本页笔记（Word）</button>}
        {props.onStudyPackPage && <button type="button" onClick={props.onStudyPackPage}>导出本页学习包</button>}
        {props.onOpenNotebook && <button type="button" onClick={props.onOpenNotebook}>打开笔记本</button>}
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {props.status && <p role="status" class="status">{props.status}</p>}
      {props.syncProblem && <p role="alert" class="sync-problem">{props.syncProblem}</p>}
      {searching ? (
        <section aria-labelledby="yd-results-heading">
          <h2 id="yd-results-heading">搜索结果</h2>
          {results === null || results === undefined ? (
            <p class="loading">正在搜索…</p>
          ) : (
            <HighlightList items={results} showArticle query={query} emptyText="没有找到含有这些字的笔记。" />
          )}
        </section>
      ) : (
        <>
          {nothingYet && (
            <p class="empty intro">
              还没有任何笔记。打开一篇政策文章，研读会标出它的提纲和提法；选中文字后点“划线”或“批注”，笔记就会保存在这里和笔记本中。
            </p>
          )}
          <section aria-labelledby="yd-page-heading">
            <h2 id="yd-page-heading">本页标注</h2>
            {page === null ? (
              <p class="loading">正在读取…</p>
            ) : (
              <HighlightList items={page} showArticle={false} emptyText="本页还没有标注。在文章中选中文字，点“划线”即可保存。" />
            )}
          </section>
          {summary && <Outline summary={summary} />}
          {recentArticles && recentArticles.length > 0 && (
            <section aria-labelledby="yd-articles-heading">
              <h2 id="yd-articles-heading">最近的文章</h2>
              <ul class="articles">
                {recentArticles.map(({ article, summary: s, notes }) => (
                  <li key={article.key}>
                    <span class="article">{article.title || article.url}</span>
                    <span class="meta">
                      {s?.source || article.site} · {s?.published ?? DAY.format(article.lastSeenAt)} · {notes} 条笔记
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="yd-all-heading">
            <h2 id="yd-all-heading">全部标注</h2>
            {recent === null ? (
              <p class="loading">正在读取…</p>
            ) : (
              <HighlightList items={recent} showArticle emptyText="还没有任何标注。" />
            )}
          </section>
        </>
      )}
    </main>
  );
}
