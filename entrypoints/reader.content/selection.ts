/**
 * Selection → toolbar → saved highlight. Remembers the selected span when the
 * selection is made, so a click that disturbs the selection cannot lose it.
 */
import type { Signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ToolbarState } from '@/components/SelectionToolbar';
import { describeSpan } from '@/lib/anchoring/quote';
import type { TextMap } from '@/lib/extract';
import { wrapSpan } from '@/lib/highlight';
import { sendMessage } from '@/lib/messaging';

/** Gap between the selection and the toolbar, in CSS pixels. */
const TOOLBAR_GAP_PX = 8;
/** The toolbar's height, used to place it above the selection. */
const TOOLBAR_HEIGHT_PX = 36;

/** The page the highlights belong to. */
export interface PageIdentity {
  /** The page URL. */
  url: string;
  /** The article's title. */
  title: string;
}

/** What the toolbar's buttons call. */
export interface SelectionController {
  /** Saves the pending selection as a highlight and draws it. */
  highlight: () => void;
}

export function createSelectionController(
  ctx: ContentScriptContext,
  map: TextMap,
  toolbar: Signal<ToolbarState>,
  page: PageIdentity,
): SelectionController {
  let pending: { start: number; end: number } | null = null;

  const hide = (): void => {
    pending = null;
    toolbar.value = { at: null, message: null, busy: false };
  };

  const onSelectionEnd = (): void => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const span = map.offsetsOfRange(range);
    if (!span || map.text.slice(span.start, span.end).trim() === '') return;
    pending = span;
    const rect = range.getBoundingClientRect();
    const above = rect.top - TOOLBAR_HEIGHT_PX - TOOLBAR_GAP_PX;
    toolbar.value = {
      at: { x: Math.max(4, rect.left), y: above > 4 ? above : rect.bottom + TOOLBAR_GAP_PX },
      message: null,
      busy: false,
    };
  };

  ctx.addEventListener(document, 'mouseup', () => setTimeout(onSelectionEnd, 0));
  ctx.addEventListener(document, 'keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') onSelectionEnd();
    if (event.key === 'Escape') hide();
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    if (window.getSelection()?.isCollapsed && !toolbar.value.busy && !toolbar.value.message) hide();
  });

  const highlight = async (): Promise<void> => {
    if (!pending) return;
    const { start, end } = pending;
    toolbar.value = { ...toolbar.value, busy: true, message: null };
    try {
      const anchor = describeSpan(map.text, start, end);
      const record = await sendMessage('saveAnnotation', { page, ...anchor, color: 'yellow', note: '' });
      wrapSpan(map, start, end, { 'data-annotation': record.id, 'data-color': record.color });
      window.getSelection()?.removeAllRanges();
      hide();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      toolbar.value = { ...toolbar.value, busy: false, message: `保存失败：${reason}` };
    }
  };

  return { highlight: () => void highlight() };
}
