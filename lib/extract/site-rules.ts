/**
 * Site rules: a site's article template (lib/model/sites.ts, one row per site)
 * applied to a page. A rule names, by CSS selector, the article's container, its
 * title, the line with its source and date, and what inside the article is not
 * article text (share bars, related links, editor lines). Readability stays the
 * default: a site without a rule, or a page where the rule's container is
 * missing, is read by Readability, and the rule's drop list still applies.
 */
import { siteOf, type SiteRule } from '../model/sites';

/** Drop selectors every rule shares: share bars, pagers, QR codes, editor boxes of the common CMSs. */
const COMMON_DROP = [
  '.share', '.shares', '.bdsharebuttonbox', '.bshare-custom', '.share_con', '[id^="ops_share"]',
  '.qrcode', '#qrcode', '.related', '.xgxw', '.page_n', '.zdfy', '.pages', '#pagination',
  'script', 'style',
];

/** The rule whose host list covers `hostname`, or null (Readability alone). The most specific host wins. */
export function siteRuleFor(hostname: string): SiteRule | null {
  return siteOf(hostname)?.rule ?? null;
}

/** A container with less text than this is a stub (an empty template slot), not the article. */
const MIN_CONTAINER_CHARS = 100;

/** The rule's article container in `doc`, or null when no selector finds one with enough text. */
export function ruleContainer(doc: Document, rule: SiteRule): Element | null {
  for (const selector of rule.content ?? []) {
    for (const element of doc.querySelectorAll(selector)) {
      if ((element.textContent ?? '').replace(/\s/g, '').length >= MIN_CONTAINER_CHARS) return element;
    }
  }
  return null;
}

/** The first element of `selectors` with non-blank text. */
export function firstText(doc: ParentNode, selectors: readonly string[] | undefined): string | null {
  for (const selector of selectors ?? []) {
    for (const element of doc.querySelectorAll(selector)) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) return text;
    }
  }
  return null;
}

/**
 * Lines that close an article on these sites but are not its text: editor
 * credits, pagers ([1][2][3], 上一页 下一页), "点击进入…>>" promotions, share counters.
 */
const NON_ARTICLE_LINE = [
  /^[[【(（]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|监制|值班编辑|作者单位)\s*[:：]/,
  /^(?:\[\d+\]\s*)+(?:\[?下一页\]?)?$/,
  /^(?=.*页)(?:上一页|下一页|首页|尾页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|\s)+$/,
  /^点击(?:进入|查看|阅读).{0,30}>>$/,
  /^(?:图集|\+1|分享到[:：]?|分享让更多人看到)$/,
];
/** A longer block than this is article text even when it starts like an editor line. */
const MAX_NON_ARTICLE_LINE = 80;
/** Elements that make one line of text (the unit a non-article line is judged on). */
const LINE_ELEMENTS = 'p, div, li, td, th, h1, h2, h3, h4, h5, h6, dd, dt, center, section, article';

/** Whether a block's text is one of the non-article lines. */
export function isNonArticleLine(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 0 && line.length <= MAX_NON_ARTICLE_LINE && NON_ARTICLE_LINE.some((pattern) => pattern.test(line));
}

/**
 * Removes from `kept` the text nodes that are not article text: inside the
 * rule's (and the common) drop selectors, or in a block that is a non-article line.
 */
export function dropNonArticle(kept: Set<Text>, rule: SiteRule | null): void {
  const dropSelector = [...COMMON_DROP, ...(rule?.drop ?? [])].join(', ');
  // Judged once per element: text nodes side by side (split by links, emphasis) share their parent.
  const parentVerdict = new Map<Element, boolean>();
  const lineVerdict = new Map<Element, boolean>();
  const judge = (parent: Element): boolean => {
    if (parent.closest(dropSelector)) return true;
    const line = parent.closest(LINE_ELEMENTS);
    if (!line) return false;
    let verdict = lineVerdict.get(line);
    if (verdict === undefined) {
      verdict = isNonArticleLine(line.textContent ?? '');
      lineVerdict.set(line, verdict);
    }
    return verdict;
  };
  for (const node of [...kept]) {
    const parent = node.parentElement;
    if (!parent) continue;
    let verdict = parentVerdict.get(parent);
    if (verdict === undefined) {
      verdict = judge(parent);
      parentVerdict.set(parent, verdict);
    }
    if (verdict) kept.delete(node);
  }
}
