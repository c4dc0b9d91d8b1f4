/**
 * The small toolbar that appears over a text selection (or a clicked automatic
 * mark) in the article: 划线 in the current colour, a colour row that highlights
 * at once, 批注 and 复制引用. It only shows what it is given and reports clicks;
 * the content script decides where it stands and what a click does.
 */
import type { JSX } from 'preact';
import type { HighlightColor } from '@/lib/model/colors';
import type { ToolbarState } from '@/lib/reader/notes-model';
import { ColorSwatches } from './ColorSwatches';

export type { ToolbarState };

/** What the toolbar's buttons call. */
export interface ToolbarActions {
  /** 划线, or a colour: highlight in that colour. */
  highlight: (color: HighlightColor) => void;
  /** 批注. */
  note: () => void;
  /** 复制引用. */
  copy: () => void;
}

export interface SelectionToolbarProps {
  /** Current state. */
  state: ToolbarState;
  /** The colour 划线 uses (the last one chosen). */
  color: HighlightColor;
  /** What the buttons call. */
  on: ToolbarActions;
}

export function SelectionToolbar({ state, color, on }: SelectionToolbarProps): JSX.Element | null {
  if (!state.at) return null;
  return (
    <div
      class="yd-toolbar"
      role="toolbar"
      aria-label="研读"
      style={{ left: `${state.at.x}px`, top: `${state.at.y}px` }}
      // Keep the page's selection alive while the reader clicks a button.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" disabled={state.busy} onClick={() => on.highlight(color)} title="划线（保存为我的标注，快捷键 Alt+Shift+H）">
        划线
      </button>
      <ColorSwatches class="yd-colors" mode="button" selected={color} disabled={state.busy} onChoose={on.highlight} />
      <button type="button" disabled={state.busy} onClick={on.note} title="写批注（快捷键 Alt+Shift+J）">
        批注
      </button>
      <button type="button" onClick={on.copy} title="复制这段文字及其标题、来源和日期">
        复制引用
      </button>
      {state.message && (
        <span class="yd-toolbar-message" role="alert">
          {state.message}
        </span>
      )}
    </div>
  );
}
