/**
 * Mounts the notes layer: the selection toolbar and the 已删除 · 撤销 notice in
 * our shadow root (they show nothing of the reader's own text), and beside
 * them the floating note frame, an extension page that shows the editor and
 * the note under the pointer. Moves the focus into the frame when the editor
 * opens and back to the page when it closes.
 */
import layerCss from '@/components/SelectionToolbar.css?inline';
import { effect, signal } from '@preact/signals-core';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NotesLayer } from '@/components/NotesLayer';
import type { TextMap } from '@/lib/extract';
import { EDITOR_HEIGHT_PX, EDITOR_WIDTH_PX, floatingPlace, floatingView, initialNotesState } from '@/lib/reader/notes-model';
import { createNoteFrame } from './note-frame-host';
import { createNotesController, type PageIdentity } from './notes';
import { mountShadowView, type OwnWrite } from './shadow-ui';

/** The floating frame's look; it takes the pointer only while it holds the editor. */
const FRAME_STYLE =
  'position:fixed;z-index:2147483647;border:0;margin:0;padding:0;background:transparent;color-scheme:normal;' +
  `width:${EDITOR_WIDTH_PX}px;max-width:calc(100vw - 8px);display:none;`;

export async function mountNotesUi(ctx: ContentScriptContext, map: TextMap, page: PageIdentity, ownWrite: OwnWrite): Promise<void> {
  const state = signal(initialNotesState);
  const actions = createNotesController(ctx, map, page, state);
  let height = EDITOR_HEIGHT_PX;
  const frame = createNoteFrame('研读批注', {
    ...actions.frame,
    // An empty frame (nothing shown) says 0: the next view keeps the last real height until it measures.
    size: (message) => {
      if (message.height === 0) return;
      height = message.height;
      frame.element.style.height = `${height}px`;
    },
  });
  frame.element.setAttribute('style', FRAME_STYLE);
  const root = await mountShadowView(ctx, 'yandu-toolbar', layerCss, () => <NotesLayer state={state.value} on={actions.toolbar} />, ownWrite);
  root?.append(frame.element);

  let editorKey: string | null = null;
  effect(() => {
    const s = state.value;
    const place = floatingPlace(s);
    frame.show(floatingView(s));
    const style = frame.element.style;
    style.display = place ? 'block' : 'none';
    if (place) {
      style.left = `${place.at.x}px`;
      style.top = `${place.at.y}px`;
      style.height = `${height}px`;
      style.pointerEvents = place.interactive ? 'auto' : 'none';
    }
    const key = s.editor?.key ?? null;
    if (key === editorKey) return;
    const closed = editorKey !== null && key === null;
    editorKey = key;
    // Into the frame when the editor opens (the frame focuses its text box); back to the page when it closes.
    if (key !== null) frame.element.focus();
    else if (closed) {
      frame.element.blur();
      window.focus();
    }
  });
}
