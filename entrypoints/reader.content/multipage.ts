/**
 * Loads the other pages of a multi-page article into this one, on the
 * reader's request (the panel's 载入全部 button): each page is fetched from
 * the article's own site, decoded as the browser would, reduced to its article
 * paragraphs, and appended to the article as plain text (one <p> per
 * paragraph, after a 第N页 line), so marks and outline cover all pages.
 */
import { decodePage, pageParagraphs } from '@/lib/extract/pages';

/** The element that holds one loaded page; its `data-yd-page` is the page's position (2, 3, …). */
export const LOADED_PAGE_TAG = 'section';

async function fetchPage(doc: Document, url: string, position: number): Promise<Element> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`第${position}页无法打开（${response.status}）`);
  const html = decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
  const section = doc.createElement(LOADED_PAGE_TAG);
  section.setAttribute('data-yd-page', String(position));
  const heading = doc.createElement('p');
  heading.textContent = `（第${position}页）`;
  section.append(heading, ...pageParagraphs(html, url).map((text) => Object.assign(doc.createElement('p'), { textContent: text })));
  return section;
}

/**
 * Adds the other pages of `pages` (addresses in page order, `here` among them)
 * to `articleRoot`: earlier pages before its content, later ones after, each
 * once. Returns how many pages were added.
 */
export async function loadOtherPages(articleRoot: Element, pages: readonly string[], here: string): Promise<number> {
  const doc = articleRoot.ownerDocument;
  const current = pages.indexOf(here.split(/[?#]/)[0]!);
  const before: Element[] = [];
  const after: Element[] = [];
  for (const [index, url] of pages.entries()) {
    if (index === current || articleRoot.querySelector(`[data-yd-page="${index + 1}"]`)) continue;
    (index < current ? before : after).push(await fetchPage(doc, url, index + 1));
  }
  articleRoot.prepend(...before);
  articleRoot.append(...after);
  return before.length + after.length;
}
