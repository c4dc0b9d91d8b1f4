/**
 * Our in-page UI: a shadow root at the end of <body>, styled by inline CSS,
 * whose content is re-rendered whenever a signal it reads changes. Closed in
 * release builds, so page scripts cannot walk into it; the e2e build keeps it
 * open for the tests' locators. It holds only what the page already has (the
 * toolbar, the outline): the reader's own text is in the note frames.
 *
 * Written here (a custom element, its shadow root holding <html><head><style>
 * and <body>) in place of WXT's createShadowRootUi, which brought 8 kB of
 * helpers for options we do not use into the reader's 60 kB bundle.
 */
import { effect } from '@preact/signals-core';
import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Runs our own DOM writes past the reader's watch for late content (PageReader.ownWrite). */
export type OwnWrite = (write: () => void) => void;

/** Open only in the e2e build (`wxt build --mode e2e`). */
const SHADOW_MODE = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

/**
 * Mounts `view()` in a shadow root named `name` (a custom element, `yandu-…`)
 * and keeps it current. Returns the shadow root's body, where the caller may
 * put more (a note frame) beside the view; null on a page without <body>.
 * The host goes into the page through `ownWrite`: the page did not change, so
 * the reader must not read it again (that would rebuild every mark, and drop a
 * selection the reader is making).
 */
export async function mountShadowView(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  view: () => ComponentChild,
  ownWrite: OwnWrite,
): Promise<HTMLElement | null> {
  // A frameset page has no <body>: its frames' readers show their own UI.
  const page = document.querySelector('body');
  if (!page) return null;
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
  const root = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // The page's styles stop at the host: nothing is inherited but what our CSS sets.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  // The view renders into a box of its own: what the caller adds to `body` stays beside it.
  const box = document.createElement('div');
  body.append(box);
  root.append(head, body);
  shadow.append(root);
  ownWrite(() => page.append(host));
  const dispose = effect(() => render(view(), box));
  ctx.onInvalidated(() => {
    dispose();
    render(null, box);
    host.remove();
  });
  return body;
}
