/**
 * What the note frame shows (entrypoints/note-frame): the note editor, the note
 * under the pointer, or 我的批注, as its reader script asks. Props in,
 * messages out.
 */
import type { JSX } from 'preact';
import type { FromFrame, FrameView as View } from '@/lib/reader/note-frame-protocol';
import { MyNotesList } from './MyNotesList';
import { NoteEditor } from './NoteEditor';

export interface FrameViewProps {
  /** What to show. */
  view: View;
  /** Tells the reader script what the reader did. */
  send: (message: FromFrame) => void;
}

export function FrameView({ view, send }: FrameViewProps): JSX.Element | null {
  switch (view.kind) {
    case 'editor':
      return (
        <NoteEditor
          key={view.key}
          quote={view.quote}
          initial={view.initial}
          knownTags={view.knownTags}
          busy={view.busy}
          error={view.error}
          onDelete={view.existing ? () => send({ type: 'delete' }) : undefined}
          onSave={(input) => send({ type: 'save', input })}
          onCancel={() => send({ type: 'cancel' })}
        />
      );
    case 'peek':
      return (
        <div class="yd-peek" role="tooltip">
          {view.text}
        </div>
      );
    case 'notes':
      return <MyNotesList notes={view.notes} onSelect={(id) => send({ type: 'select', id })} />;
    case 'none':
      return null;
  }
}
