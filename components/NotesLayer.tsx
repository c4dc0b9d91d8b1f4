/**
 * Everything of the reader's own notes that floats over the page, in one shadow
 * root: the selection toolbar, the note editor, the note shown on hover, and the
 * 已删除 · 撤销 notice. Props in, callbacks out.
 */
import type { JSX } from 'preact';
import type { HighlightColor } from '@/lib/model/colors';
import { NoteEditor, type NoteInput } from './NoteEditor';
import { SelectionToolbar, type ToolbarState } from './SelectionToolbar';

/** The editor, when open. */
export interface EditorState {
  /** Which opening this is (a new key remounts the editor with fresh fields). */
  key: string;
  /** Where it stands. */
  at: { x: number; y: number };
  /** The quote. */
  quote: string;
  /** Its starting content. */
  initial: NoteInput;
  /** Whether the note is saved already (then it can be deleted). */
  existing: boolean;
  /** Saving. */
  busy: boolean;
  /** The last save error. */
  error: string | null;
}

/** What the layer shows. */
export interface NotesLayerState {
  /** The toolbar. */
  toolbar: ToolbarState;
  /** The colour 划线 uses. */
  color: HighlightColor;
  /** The note editor, or null. */
  editor: EditorState | null;
  /** The note under the pointer, or null. */
  peek: { at: { x: number; y: number }; text: string } | null;
  /** A notice with an undo button (after a delete), or null. */
  toast: { text: string; canUndo: boolean } | null;
  /** Tags for completion. */
  knownTags: readonly string[];
}

export interface NotesLayerProps {
  /** What to show. */
  state: NotesLayerState;
  /** 划线 or a colour. */
  onHighlight: (color: HighlightColor) => void;
  /** 批注 on the toolbar. */
  onNote: () => void;
  /** 复制引用. */
  onCopy: () => void;
  /** The editor saved. */
  onSave: (input: NoteInput) => void;
  /** The editor cancelled. */
  onCancel: () => void;
  /** The editor deleted its note. */
  onDelete: () => void;
  /** 撤销 on the notice. */
  onUndo: () => void;
}

export function NotesLayer({ state, ...on }: NotesLayerProps): JSX.Element {
  const { editor, peek, toast } = state;
  return (
    <>
      {!editor && (
        <SelectionToolbar state={state.toolbar} color={state.color} onHighlight={on.onHighlight} onNote={on.onNote} onCopy={on.onCopy} />
      )}
      {editor && (
        <NoteEditor
          key={editor.key}
          at={editor.at}
          quote={editor.quote}
          initial={editor.initial}
          knownTags={state.knownTags}
          busy={editor.busy}
          error={editor.error}
          onDelete={editor.existing ? on.onDelete : undefined}
          onSave={on.onSave}
          onCancel={on.onCancel}
        />
      )}
      {peek && !editor && (
        <div class="yd-peek" role="tooltip" style={{ left: `${peek.at.x}px`, top: `${peek.at.y}px` }}>
          {peek.text}
        </div>
      )}
      {toast && (
        <div class="yd-toast" role="status">
          <span>{toast.text}</span>
          {toast.canUndo && (
            <button type="button" onClick={on.onUndo}>
              撤销
            </button>
          )}
        </div>
      )}
    </>
  );
}
