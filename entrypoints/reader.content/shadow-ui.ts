/**
 * Our in-page UI: an open shadow root at the end of <body>, styled by inline
 * CSS, whose content is re-rendered whenever a signal it reads changes.
 *
 * Written here (a custom element, its shadow root holding <html><head><style>
 * and <body>) in place of WXT's createShadowRootUi, which brought 8 kB of
 * helpers for options we do not use into the reader's 60 kB bundle.
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
  const page = document.querySelector('body');
  if (!page) return;
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // The page's styles stop at the host: nothing is inherited but what our CSS sets.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  root.append(head, body);
  shadow.append(root);
  page.append(host);
  const dispose = effect(() => render(view(), body));
  ctx.onInvalidated(() => {
    dispose();
    render(null, body);
    host.remove();
  });
}
