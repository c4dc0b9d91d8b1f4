/**
 * What of the reader's own notes floats over the page in our shadow root: the
 * selection toolbar and the 已删除 · 撤销 notice. Neither shows the reader's own
 * text; the editor and the note under the pointer are in the note frame
 * (FrameView). Props in, callbacks out.
 */
import type { JSX } from 'preact';
import type { NotesState } from '@/lib/reader/notes-model';
import { SelectionToolbar, type ToolbarActions } from './SelectionToolbar';

/** What the layer's buttons call. */
export interface NotesLayerActions extends ToolbarActions {
  /** 撤销 on the notice. */
  undo: () => void;
}

export interface NotesLayerProps {
  /** What to show. */
  state: Pick<NotesState, 'toolbar' | 'color' | 'toast' | 'editor'>;
  /** What the buttons call. */
  on: NotesLayerActions;
}

export function NotesLayer({ state, on }: NotesLayerProps): JSX.Element {
  const { toast } = state;
  return (
    <>
      {!state.editor && <SelectionToolbar state={state.toolbar} color={state.color} on={on} />}
      {toast && (
        <div class="yd-toast" role="status">
          <span>{toast.text}</span>
          {toast.canUndo && (
            <button type="button" onClick={on.undo}>
              撤销
            </button>
          )}
        </div>
      )}
    </>
  );
}
