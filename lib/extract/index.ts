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
import { extractMetadata } from './metadata';
import type { SiteRule } from '../model/sites';
import { dropNonArticle, ruleContainer, siteRuleFor } from './site-rules';
import { TextMap } from './text-map';

export { TextMap } from './text-map';
export type { TextSegment } from './text-map';
export { siteRuleFor } from './site-rules';

/** The article found in a page. */
export interface ExtractedArticle {
  /** The article's title, without the site's name (site rule, meta tags, else Readability's). */
  title: string | null;
  /** Where the article comes from (来源), when the page says. */
  source?: string | null;
  /** The author, when the page names one. */
  author?: string | null;
  /** Publication date "YYYY-MM-DD" (with " HH:MM" when given), when the page says. */
  published?: string | null;
  /** The site's own name for itself (og:site_name), when it gives one. */
  siteName?: string | null;
  /** The article text; paragraphs separated by "\n". */
  text: string;
  /** The smallest live element holding all of the article's text. */
  root: Element;
  /** The text with its map back to the live DOM. */
  map: TextMap;
}

/** Below this many characters of text a page is not an article (a home page, a list). */
const MIN_ARTICLE_CHARS = 140;
/**
 * Most elements on a page the reader reads. An article page has a few thousand;
 * Readability scores every paragraph of a page many times over, so a page far
 * beyond this (an archive, a generated or hostile page) would hold the tab for
 * seconds. The reader leaves it alone and says so in the console.
 */
export const MAX_PAGE_ELEMENTS = 30_000;
/**
 * Deepest element nesting the reader follows. Browsers' HTML parsers stop
 * nesting at a few hundred levels, so only a script builds deeper trees;
 * cloning and walking those (recursively, here and in Readability) can
 * overflow the stack.
 */
export const MAX_NESTING_DEPTH = 1_000;

/** Selects an element nested deeper than MAX_NESTING_DEPTH: one `/*` step per level. */
const TOO_DEEP_XPATH = '/*'.repeat(MAX_NESTING_DEPTH + 1);

/** Whether an element of `doc` is nested deeper than MAX_NESTING_DEPTH. */
function nestedTooDeep(doc: Document): boolean {
  // Browsers answer in one native query (0.3–0.9 ms on 1,000–1,700 elements, where the walk below
  // took 2–5 ms: it makes a script object for every element it passes).
  if (typeof doc.evaluate === 'function') {
    return doc.evaluate(TOO_DEEP_XPATH, doc, null, 9 /* FIRST_ORDERED_NODE_TYPE */, null).singleNodeValue !== null;
  }
  // A DOM without XPath (happy-dom, for the CLI): one walk, without recursion.
  const stack: [Element, number][] = doc.documentElement ? [[doc.documentElement, 1]] : [];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [element, depth] = top;
    if (depth > MAX_NESTING_DEPTH) return true;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return false;
}

/** Why a page is too large or too deep to read, or null when it is not. */
export function pageTooLarge(doc: Document): string | null {
  // Counted natively: no script object per element.
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_PAGE_ELEMENTS) return `页面元素过多（超过 ${MAX_PAGE_ELEMENTS} 个）`;
  // Deeper than the limit takes more elements than the limit: most article pages have fewer.
  if (elements > MAX_NESTING_DEPTH && nestedTooDeep(doc)) return `页面嵌套过深（超过 ${MAX_NESTING_DEPTH} 层）`;
  return null;
}

/**
 * Pairs each text node of `clone` with the text node at the same place in `live`.
 * A clone has its original's shape, so the n-th text node of one is the n-th of the
 * other: two native walkers side by side (a recursive walk over every node took 2–3×
 * as long: it makes a script object for every element of both trees).
 */
function pairTextNodes(live: Document, clone: Document): Map<Text, Text> {
  const pairs = new Map<Text, Text>();
  const ours = live.createTreeWalker(live, 4 /* NodeFilter.SHOW_TEXT */);
  const theirs = clone.createTreeWalker(clone, 4 /* NodeFilter.SHOW_TEXT */);
  for (let l = ours.nextNode(), c = theirs.nextNode(); l && c; l = ours.nextNode(), c = theirs.nextNode()) pairs.set(c as Text, l as Text);
  return pairs;
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

/** The text nodes of `container` with visible text (a site rule named the article's element). */
function textNodesOf(container: Element): Set<Text> {
  const kept = new Set<Text>();
  const walker = container.ownerDocument.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.trim() !== '') kept.add(node as Text);
  }
  return kept;
}

/** The live text nodes Readability keeps as the article, and its title; null when it finds none. */
function readabilityText(doc: Document): { kept: Set<Text>; title: string | null } | null {
  const clone = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(doc, clone);
  // The article's elements are not shown, only its text nodes are looked up: no serializing, and
  // no walk that strips their classes.
  const parsed = new Readability(clone, { serializer: (node: Node): Node => node, keepClasses: true }).parse();
  if (!parsed?.content) return null;

  const kept = new Set<Text>();
  const walker = clone.createTreeWalker(parsed.content, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const live = pairs.get(node as Text);
    if (live && live.data.trim() !== '') kept.add(live);
  }
  return { kept, title: parsed.title?.trim() || null };
}

/** Above this share of its text in links, what was found is a list (a home page, results), not an article. */
const MAX_LINK_TEXT_SHARE = 0.5;

/** How much of the mapped text (white space aside) stands inside links. */
function linkTextShare(map: TextMap): number {
  let linked = 0;
  let total = 0;
  for (const { node } of map.segments) {
    const length = node.data.replace(/\s/g, '').length;
    total += length;
    if (node.parentElement?.closest('a')) linked += length;
  }
  return total === 0 ? 0 : linked / total;
}

/**
 * Finds the article in `doc` (a live page or a parsed file); null when there is none,
 * or when the page is beyond what the reader reads (`pageTooLarge`, logged).
 * `rule` (default: the rule for the page's host, lib/model/sites.ts) may name the
 * article's element; without one, or when it is missing from the page, Readability finds it.
 */
export function extractArticle(doc: Document, rule: SiteRule | null = siteRuleFor(doc.location?.hostname ?? '')): ExtractedArticle | null {
  const tooLarge = pageTooLarge(doc);
  if (tooLarge) {
    console.warn(`[研读] ${tooLarge}，不做分析。`);
    return null;
  }
  const container = rule ? ruleContainer(doc, rule) : null;
  const found = container ? { kept: textNodesOf(container), title: null } : readabilityText(doc);
  if (!found) return null;
  const { kept } = found;
  dropNonArticle(kept, rule);
  const root = commonAncestor(kept);
  if (!root) return null;
  const map = new TextMap(root, kept);
  if (map.text.replace(/\s/g, '').length < MIN_ARTICLE_CHARS) return null;
  if (linkTextShare(map) > MAX_LINK_TEXT_SHARE) return null;
  // Not spread: its source, author and date are read when first asked for.
  return Object.assign(extractMetadata(doc, rule, root, found.title), { text: map.text, root, map });
}
