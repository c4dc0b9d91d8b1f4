/**
 * 我的批注: this page's highlights and notes in text order; those the page could
 * not place are listed after them as 未定位 with their quote, never dropped.
 * A click on a placed one asks to scroll to it. Text only, never HTML.
 */
import type { JSX } from 'preact';
import type { PageNote } from '@/lib/model/records';

export interface MyNotesListProps {
  /** The page's notes, in any order. */
  notes: readonly PageNote[];
  /** The reader chose a placed note. */
  onSelect: (id: string) => void;
}

/** Placed notes by their place in the text, then the unplaced ones by age. */
export function inTextOrder(notes: readonly PageNote[]): PageNote[] {
  return [...notes].sort((a, b) => {
    if (a.place && b.place) return a.place.start - b.place.start;
    if (a.place || b.place) return a.place ? -1 : 1;
    return a.record.createdAt - b.record.createdAt;
  });
}

export function MyNotesList({ notes, onSelect }: MyNotesListProps): JSX.Element {
  if (notes.length === 0) return <p class="yd-empty">本页还没有批注。选中文字后点“划线”或“批注”。</p>;
  return (
    <ul class="yd-notes" role="list" aria-label="我的批注">
      {inTextOrder(notes).map(({ record, place }) => (
        <li key={record.id} class={`yd-note yd-color-${record.color}`} data-unplaced={place ? undefined : ''}>
          {place ? (
            <button type="button" class="yd-entry" onClick={() => onSelect(record.id)}>
              <span class="yd-note-quote">{record.quote.exact}</span>
            </button>
          ) : (
            <div class="yd-entry">
              <span class="yd-unplaced">未定位</span>
              <span class="yd-note-quote">{record.quote.exact}</span>
            </div>
          )}
          {record.note && <p class="yd-note-text">{record.note}</p>}
          {record.tags.length > 0 && <p class="yd-note-tags">{record.tags.map((t) => `#${t}`).join(' ')}</p>}
        </li>
      ))}
    </ul>
  );
}
