/**
 * Our in-page UI: a shadow root at the end of <body>, styled by inline CSS,
 * whose content is re-rendered whenever a signal it reads changes. Closed in
 * release builds, so page scripts cannot walk into it; the e2e build keeps it
 * open for the tests' locators. It holds only what the page already has (the
 * toolbar, the outline): the reader's own text is in the note frames.
 */
import { effect } from '@preact/signals';
import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Open only in the e2e build (`wxt build --mode e2e`). */
const SHADOW_MODE = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

/**
 * Mounts `view()` in a shadow root named `name` (a custom element, `yandu-…`)
 * and keeps it current. Returns the shadow root's body, where the caller may
 * put more (a note frame) beside the view; null on a page without <body>.
 */
export async function mountShadowView(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  view: () => ComponentChild,
): Promise<HTMLElement | null> {
  // A frameset page has no <body>: its frames' readers show their own UI.
  if (!document.querySelector('body')) return null;
  let body: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name,
    css,
    mode: SHADOW_MODE,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => {
      body = container;
      const host = document.createElement('div');
      container.append(host);
      return effect(() => render(view(), host));
    },
    onRemove: (dispose) => dispose?.(),
  });
  ui.mount();
  return body ?? ui.uiContainer;
}
