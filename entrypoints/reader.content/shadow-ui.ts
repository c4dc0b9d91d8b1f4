/**
 * Our in-page UI: an open shadow root at the end of <body>, styled by inline
 * CSS, whose content is re-rendered whenever a signal it reads changes.
 */
import { effect } from '@preact/signals';
import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Mounts `view()` in a shadow root named `name` (a custom element, `yandu-…`) and keeps it current. */
export async function mountShadowView(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  view: () => ComponentChild,
): Promise<void> {
  // A frameset page has no <body>: its frames' readers show their own UI.
  if (!document.querySelector('body')) return;
  const ui = await createShadowRootUi(ctx, {
    name,
    css,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => effect(() => render(view(), container)),
    onRemove: (dispose) => dispose?.(),
  });
  ui.mount();
}
