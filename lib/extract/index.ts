/**
 * DOM → the article: finds the article in the LIVE page with Readability and
 * returns its text with a map back to the page's own text nodes.
 *
 * Readability rewrites the document it parses, so it runs on a clone. Cloning
 * keeps the tree's shape, so one parallel walk pairs every cloned node with its
 * live twin; the text nodes Readability keeps (it moves them, never copies
 * them) then name the live text nodes of the article.
 */
import { Readability } from '@mozilla/readability';
import { TextMap } from './text-map';

export { TextMap } from './text-map';
export type { TextSegment } from './text-map';

/** The article found in a page. */
export interface ExtractedArticle {
  /** The article's title, as Readability found it. */
  title: string | null;
  /** The article text; paragraphs separated by "\n". */
  text: string;
  /** The smallest live element holding all of the article's text. */
  root: Element;
  /** The text with its map back to the live DOM. */
  map: TextMap;
}

/** Below this many characters of text a page is not an article (a home page, a list). */
const MIN_ARTICLE_CHARS = 140;

/** Pairs each text node of `clone` with the text node at the same place in `live`. */
function pairTextNodes(live: Node, clone: Node, pairs: Map<Text, Text>): void {
  let l = live.firstChild;
  let c = clone.firstChild;
  while (l && c) {
    if (l.nodeType === 3 && c.nodeType === 3) pairs.set(c as Text, l as Text);
    else if (l.firstChild) pairTextNodes(l, c, pairs);
    l = l.nextSibling;
    c = c.nextSibling;
  }
}

function commonAncestor(nodes: Iterable<Node>): Element | null {
  let ancestor: Node | null = null;
  for (const node of nodes) {
    if (!ancestor) {
      ancestor = node.parentNode;
      continue;
    }
    while (ancestor && !ancestor.contains(node)) ancestor = ancestor.parentNode;
  }
  return ancestor && ancestor.nodeType === 1 ? (ancestor as Element) : null;
}

/** Finds the article in `doc` (a live page or a parsed file); null when there is none. */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  const pairs = new Map<Text, Text>();
  pairTextNodes(doc, clone, pairs);
  const parsed = new Readability(clone, { serializer: (node: Node): Node => node }).parse();
  if (!parsed?.content) return null;

  const kept = new Set<Text>();
  const walker = clone.createTreeWalker(parsed.content, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const live = pairs.get(node as Text);
    if (live && live.data.trim() !== '') kept.add(live);
  }
  const root = commonAncestor(kept);
  if (!root) return null;
  const map = new TextMap(root, kept);
  if (map.text.replace(/\s/g, '').length < MIN_ARTICLE_CHARS) return null;
  return { title: parsed.title?.trim() || null, text: map.text, root, map };
}
