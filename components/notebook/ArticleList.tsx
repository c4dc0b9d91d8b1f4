/** The notebook's articles: title, site, published and read dates, counts; many can be selected. */
import type { JSX } from 'preact';
import type { ArticleRow } from '@/lib/model/notebook';
import { formatDay } from './labels';
import { SelectableRows, type SelectableListProps } from './VirtualList';

/** Height of one article row. */
export const ARTICLE_ROW_PX = 64;

/** The articles (keyed by article key), each of which can be opened. */
export interface ArticleListProps extends SelectableListProps<ArticleRow> {
  /** Shows only this article's notes. */
  onOpen: (key: string) => void;
  /** 学习时长 in minutes by article key; absent when switched off. */
  readingMinutes?: ReadonlyMap<string, number>;
}

/** 学习 12 分钟, or 学习不足 1 分钟. */
export function readingLabel(minutes: number): string {
  return minutes < 1 ? '学习不足 1 分钟' : `学习 ${minutes} 分钟`;
}

export function ArticleList({ onOpen, readingMinutes, ...props }: ArticleListProps): JSX.Element {
  return (
    <SelectableRows
      {...props}
      rowHeight={ARTICLE_ROW_PX}
      label="文章列表"
      keyOf={(row) => row.article.key}
      pickLabel={(row) => `选择文章：${row.article.title || row.article.url}`}
      rowClass={() => 'article-row'}
      render={({ article, summary, notes }) => (
        <>
          <button type="button" class="title link" onClick={() => onOpen(article.key)} title="只看这篇文章的笔记">
            {article.title || article.url}
          </button>
          <p class="meta">
            <span>{summary?.source || article.site}</span>
            {summary?.published && <span>发布 {summary.published}</span>}
            <span>阅读 {formatDay(article.lastSeenAt)}</span>
            {readingMinutes?.has(article.key) && <span class="reading">{readingLabel(readingMinutes.get(article.key)!)}</span>}
            <span class="count">{notes} 条笔记</span>
            {summary?.counts && <span>{summary.counts}</span>}
          </p>
        </>
      )}
    />
  );
}
