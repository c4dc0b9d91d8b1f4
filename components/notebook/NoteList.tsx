/** The notebook's notes: quote, note, tags, colour, article with a link back to the note; many can be selected. */
import type { JSX } from 'preact';
import type { NoteRow } from '@/lib/model/notebook';
import { noteLink } from '@/lib/notebook/summary';
import { Highlighted } from './Highlighted';
import { memberLabel } from '@/lib/export/layout';
import { COLOR_INFO } from '@/lib/model/colors';
import { formatDay } from './labels';
import { SelectableRows, type SelectableListProps } from './VirtualList';

/** Height of one note row: quote (2 lines), note (1 line), meta line. */
export const NOTE_ROW_PX = 112;

/** The notes (keyed by id). */
export type NoteListProps = SelectableListProps<NoteRow>;

export function NoteList(props: NoteListProps): JSX.Element {
  return (
    <SelectableRows
      {...props}
      rowHeight={NOTE_ROW_PX}
      label="笔记列表"
      keyOf={(row) => row.note.id}
      pickLabel={(row) => `选择：${row.note.quote.exact.slice(0, 20)}`}
      rowClass={(row) => `note color-${row.note.color}`}
      render={(row) => (
        <>
          <blockquote class="quote">
            <Highlighted text={row.note.quote.exact} ranges={row.quoteRanges} />
          </blockquote>
          {row.note.note && (
            <p class="text">
              <Highlighted text={row.note.note} ranges={row.noteRanges} />
            </p>
          )}
          <p class="meta">
            <span class="swatch" title={COLOR_INFO[row.note.color].name} />
            {row.note.author && (
              <span class="author" title={`作者：${memberLabel(row.note.author)}`}>
                作者：{row.note.author.name || '（未署名）'}
              </span>
            )}
            {row.note.unplacedAt !== null && <span class="unplaced">未定位</span>}
            {row.note.tags.map((tag) => (
              <span key={tag} class="tag">#{tag}</span>
            ))}
            <a href={noteLink(row.articleUrl, row.note.id)} target="_blank" rel="noopener noreferrer" class="source" title="打开原文并定位到这条笔记">
              {row.articleTitle}
            </a>
            <time>{formatDay(row.note.createdAt)}</time>
          </p>
        </>
      )}
    />
  );
}
