/** Mounts the notes layer (toolbar, editor, hover note, undo notice) in an open shadow root and wires it to the controller. */
import layerCss from '@/components/SelectionToolbar.css?inline';
import { signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NotesLayer, type NotesLayerState } from '@/components/NotesLayer';
import type { TextMap } from '@/lib/extract';
import { DEFAULT_HIGHLIGHT_COLOR } from '@/lib/model/colors';
import { createNotesController, type PageIdentity } from './notes';
import { mountShadowView } from './shadow-ui';

export async function mountNotesUi(ctx: ContentScriptContext, map: TextMap, page: PageIdentity): Promise<void> {
  const state = signal<NotesLayerState>({
    toolbar: { at: null, message: null, busy: false },
    color: DEFAULT_HIGHLIGHT_COLOR,
    editor: null,
    peek: null,
    toast: null,
    knownTags: [],
  });
  const actions = createNotesController(ctx, map, page, state);
  await mountShadowView(ctx, 'yandu-toolbar', layerCss, () => (
    <NotesLayer
      state={state.value}
      onHighlight={actions.highlight}
      onNote={actions.note}
      onCopy={actions.copy}
      onSave={actions.save}
      onCancel={actions.cancel}
      onDelete={actions.remove}
      onUndo={actions.undo}
    />
  ));
}
