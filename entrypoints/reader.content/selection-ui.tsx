/** Mounts the selection toolbar (open shadow root) and connects it to the selection controller. */
import '@/components/SelectionToolbar.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SelectionToolbar, type ToolbarState } from '@/components/SelectionToolbar';
import type { TextMap } from '@/lib/extract';
import { createSelectionController, type PageIdentity } from './selection';

export async function mountSelectionUi(ctx: ContentScriptContext, map: TextMap, page: PageIdentity): Promise<void> {
  const toolbar = signal<ToolbarState>({ at: null, message: null, busy: false });
  const controller = createSelectionController(ctx, map, toolbar, page);
  const ui = await createShadowRootUi(ctx, {
    name: 'yandu-toolbar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) =>
      toolbar.subscribe((state) => render(<SelectionToolbar state={state} onHighlight={controller.highlight} />, container)),
    onRemove: (unsubscribe) => unsubscribe?.(),
  });
  ui.mount();
}
