/** A list of the reader's highlights: quote, page title, time. Text only, never HTML. */
import type { JSX } from 'preact';
import type { AnnotationWithArticle } from '@/lib/model/records';
import { matchRanges, normalizeForSearch } from '@/lib/search';
import { Highlighted } from './notebook/Highlighted';

export interface HighlightListProps {
  /** The highlights, in the order to show. */
  items: readonly AnnotationWithArticle[];
  /** Shown when there are none. */
  emptyText: string;
  /** Whether to show each highlight's article title (not needed within one page). */
  showArticle: boolean;
  /** Search words to mark in the quotes and notes. */
  query?: string;
}

const TIME_FORMAT = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

export function HighlightList({ items, emptyText, showArticle, query = '' }: HighlightListProps): JSX.Element {
  if (items.length === 0) return <p class="empty">{emptyText}</p>;
  const folded = normalizeForSearch(query);
  return (
    <ul class="highlights">
      {items.map((item) => (
        <li key={item.id} class={`highlight color-${item.color}`}>
          {item.unplacedAt !== null && (
            <span class="unplaced" title="文章改动后找不到这段原文；批注仍完整保存">
              未定位
            </span>
          )}
          <blockquote class="quote">
            <Highlighted text={item.quote.exact} ranges={matchRanges(item.quote.exact, folded)} />
          </blockquote>
          {item.note && (
            <p class="note">
              <Highlighted text={item.note} ranges={matchRanges(item.note, folded)} />
            </p>
          )}
          {item.tags.length > 0 && <p class="tags">{item.tags.map((tag) => `#${tag}`).join(' ')}</p>}
          <div class="meta">
            {showArticle && <span class="article">{item.articleTitle || item.articleUrl}</span>}
            <time dateTime={new Date(item.createdAt).toISOString()}>{TIME_FORMAT.format(item.createdAt)}</time>
          </div>
        </li>
      ))}
    </ul>
  );
}
