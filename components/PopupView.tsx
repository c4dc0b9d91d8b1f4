/** The popup: this page's highlights and the newest ones of all pages. */
import type { JSX } from 'preact';
import type { AnnotationWithArticle } from '@/lib/db/records';
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
}

export function PopupView({ page, recent, error, onAnalysePage }: PopupData): JSX.Element {
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
      {error && <p role="alert" class="error">{error}</p>}
      <section aria-labelledby="yd-page-heading">
        <h2 id="yd-page-heading">本页标注</h2>
        {page === null ? (
          <p class="loading">正在读取…</p>
        ) : (
          <HighlightList items={page} showArticle={false} emptyText="本页还没有标注。在文章中选中文字，点“划线”即可保存。" />
        )}
      </section>
      <section aria-labelledby="yd-all-heading">
        <h2 id="yd-all-heading">全部标注</h2>
        {recent === null ? (
          <p class="loading">正在读取…</p>
        ) : (
          <HighlightList items={recent} showArticle emptyText="还没有任何标注。" />
        )}
      </section>
    </main>
  );
}
