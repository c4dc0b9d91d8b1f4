/**
 * The small toolbar that appears over a text selection in the article. It only
 * shows what it is given and reports clicks; the content script decides where
 * it stands and what a click does.
 */
import type { JSX } from 'preact';

/** Where the toolbar stands and what it says. */
export interface ToolbarState {
  /** Viewport coordinates of the toolbar's top-left corner; null when hidden. */
  at: { x: number; y: number } | null;
  /** A message to the reader (an error while saving), or null. */
  message: string | null;
  /** True while a save is under way: the buttons wait. */
  busy: boolean;
}

export interface SelectionToolbarProps {
  /** Current state. */
  state: ToolbarState;
  /** The reader chose 划线. */
  onHighlight: () => void;
}

export function SelectionToolbar({ state, onHighlight }: SelectionToolbarProps): JSX.Element | null {
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
      <button type="button" disabled={state.busy} onClick={onHighlight} title="划线（保存为我的标注）">
        划线
      </button>
      {state.message && (
        <span class="yd-toolbar-message" role="alert">
          {state.message}
        </span>
      )}
    </div>
  );
}
