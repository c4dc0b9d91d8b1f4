/**
 * Site rules: what a few official sites' article templates look like, as data.
 * A rule names, by CSS selector, the article's container, its title, the line
 * with its source and date, and what inside the article is not article text
 * (share bars, related links, editor lines). Readability stays the default:
 * a site without a rule, or a page where the rule's container is missing,
 * is read by Readability, and the rule's drop list still applies.
 *
 * Selectors name ids and classes of the sites' templates, never paths, so a
 * rule keeps working when a page gains or loses a wrapper element. Templates
 * seen in ../shared/corpus are marked "corpus"; the rest come from the sites'
 * current article templates.
 */

/** One site's article template. */
export interface SiteRule {
  /** A short name for tests and logs. */
  name: string;
  /** Host names the rule covers; each also covers its subdomains ('people.com.cn' → 'js.people.com.cn'). */
  hosts: readonly string[];
  /** The article body, first selector that finds an element with enough text wins. */
  content?: readonly string[];
  /** The article's title element. */
  title?: readonly string[];
  /** Elements holding the source, author and date line (来源：… 发布时间：…). */
  info?: readonly string[];
  /** Elements inside the article that are not article text. */
  drop?: readonly string[];
}

/** Drop selectors every rule shares: share bars, pagers, QR codes, editor boxes of the common CMSs. */
const COMMON_DROP = [
  '.share', '.shares', '.bdsharebuttonbox', '.bshare-custom', '.share_con', '[id^="ops_share"]',
  '.qrcode', '#qrcode', '.related', '.xgxw', '.page_n', '.zdfy', '.pages', '#pagination',
  'script', 'style',
];

/** The CMS used by most government sites (TRS WCM): its body classes. */
const TRS_CONTENT = ['.TRS_Editor', '.TRS_UEDITOR', '.Custom_UnionStyle', '#zoom', '.zoom'];

/** The rules, one per site (or family of sites sharing a template). */
export const SITE_RULES: readonly SiteRule[] = [
  {
    // corpus 01, pages 14: n1/n2 article templates of 人民网 and its local channels.
    name: '人民网',
    hosts: ['people.com.cn', 'people.cn'],
    content: ['#rwb_zw', '.rm_txt_con', '.box_con', '.show_text', '#p_content'],
    title: ['.rm_txt h1', '.text_title h1', '.title h1', '#p_title'],
    info: ['.rm_txt .col-1-1', '.text_title .box01 .fl', '.box01 .fl', '.col-1-1', '#p_publishtime', '#p_origin'],
    drop: ['.edit', '.box_pic', '.rm_relevant', '.paper_num', '.otitle', '.ptitle', '.box_down', '.box_read', '.box_news'],
  },
  {
    // pages 02 (xinhuanet 2019) and 16 (2005); news.cn's current template uses #detail.
    name: '新华网',
    hosts: ['xinhuanet.com', 'news.cn'],
    content: ['#detail', '#p-detail', '.main-aticle', '#Content', '#content'],
    title: ['.head-line .title', '.h-title', '#title', '#Title'],
    info: ['.header-time', '.h-info', '.source', '#Time'],
    drop: ['#articleEdit', '.editor', '.p-tags', '.share-box', '.fixhead-con', '.xinhua-qrcode', '.relatedNews'],
  },
  {
    // corpus 10 (www.gov.cn), 03/09/17/18/19 (provincial and local government portals on TRS).
    name: '政府网站',
    hosts: ['gov.cn'],
    content: ['#UCAP-CONTENT', '.pages_content', ...TRS_CONTENT, '.article-content', '.view', '.article-body'],
    title: ['.article h1', '.detail-article-title h2', '.ql_detailbro_title', '.con-title'],
    info: ['.pages-date', '.ql_detailbro_date_source', '.small-title', '.article-info', '.info'],
    drop: ['.pages_print', '.share-box', '.article-share', '.article-edit', '#infoSource', '.main-word', '.bm_content_two'],
  },
  {
    name: '求是网',
    hosts: ['qstheory.cn'],
    content: ['.highlight', '.text', '.content'],
    title: ['.inner h1', 'h1'],
    info: ['.appellation', '.pubtime'],
    drop: ['.fs-text', '.bianji'],
  },
  {
    name: '共产党员网',
    hosts: ['12371.cn'],
    content: ['#font_area', '.word', '.con_text'],
    title: ['.big_title', '.title_box h1', 'h1'],
    info: ['.time', '.big_info', '.source'],
    drop: ['.bianji', '.zrbj', '.dyfx'],
  },
  {
    // corpus 24.
    name: '光明网',
    hosts: ['gmw.cn'],
    content: ['#articleBox', '.u-mainText', '#contentMain', '#ArticleContent'],
    title: ['.u-title', '#articleTitle', 'h1'],
    info: ['.m-con-info', '#contentMsg', '.m-con-source'],
    drop: ['#contentLiability', '.liability', '.m-zbtool', '#contentMsg_baidu', '.contentColumnLeft', '.pictext'],
  },
  {
    name: '央视网',
    hosts: ['cctv.com'],
    content: ['#content_area', '.content_area', '#text_area', '.cnt_bd'],
    title: ['.title_area h1', '.cnt_bd h1', 'h1'],
    info: ['.info', '.info1', '.title_area .info'],
    drop: ['.zebian', '.function', '.bianji'],
  },
  {
    // corpus 15 (GB2312 bytes).
    name: '央广网',
    hosts: ['cnr.cn'],
    content: ['.article-content', '.TRS_Editor', '#contentText', '.contentText'],
    title: ['.article-header h1', 'h1'],
    info: ['.article-header .source', '.source'],
    drop: ['.article-editer', '.article-copyright', '.article-comps', '.editor'],
  },
  {
    // Chinese pages only (cn.chinadaily.com.cn and china.chinadaily.com.cn).
    name: '中国日报网',
    hosts: ['cn.chinadaily.com.cn', 'china.chinadaily.com.cn', 'world.chinadaily.com.cn', 'caijing.chinadaily.com.cn'],
    content: ['#Content', '.article', '.TRS_Editor'],
    title: ['.dabiaoti', '.main_title', 'h1'],
    info: ['.fenx .xinf-le', '.xinf-le', '.info'],
    drop: ['.fenx', '.bianji', '.editor', '#div_currpage'],
  },
  {
    // Local 党建 sites (dangjian/dj subdomains of city and provincial portals) mostly run TRS too.
    name: '地方党建网站',
    hosts: ['dangjian.cn', 'dangjian.com', 'hndj.gov.cn', 'gsdj.gov.cn', 'sxdygbjy.gov.cn', 'zgdsw.cn'],
    content: [...TRS_CONTENT, '.article-content', '.content', '.contents'],
    title: ['.article-title', '.title h1', 'h1'],
    info: ['.article-info', '.info', '.time'],
  },
];

/** The rule whose host list covers `hostname`, or null (Readability alone). The most specific host wins. */
export function siteRuleFor(hostname: string): SiteRule | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: SiteRule | null = null;
  let bestLength = 0;
  for (const rule of SITE_RULES) {
    for (const suffix of rule.hosts) {
      if ((host === suffix || host.endsWith(`.${suffix}`)) && suffix.length > bestLength) {
        best = rule;
        bestLength = suffix.length;
      }
    }
  }
  return best;
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
  const lineVerdict = new Map<Element, boolean>();
  for (const node of [...kept]) {
    const parent = node.parentElement;
    if (!parent) continue;
    if (parent.closest(dropSelector)) {
      kept.delete(node);
      continue;
    }
    const line = parent.closest(LINE_ELEMENTS);
    if (!line) continue;
    let verdict = lineVerdict.get(line);
    if (verdict === undefined) {
      verdict = isNonArticleLine(line.textContent ?? '');
      lineVerdict.set(line, verdict);
    }
    if (verdict) kept.delete(node);
  }
}
