/**
 * The site registry: one row per site (or family of sites sharing a template)
 * with everything 研读 knows about it — the host names it covers, where the
 * reader runs by itself (match patterns, which are also the manifest's host
 * permissions), the name readers cite it by (复制引用, the 提法库's source), and
 * how its article template looks (lib/extract reads the page with it).
 * Adding a site is one row here, plus a test page in tests/unit/site-rules.test.ts.
 *
 * Template selectors name ids and classes of the sites' templates, never paths,
 * so a rule keeps working when a page gains or loses a wrapper element.
 * Templates seen in ../shared/corpus are marked "corpus"; the rest come from
 * the sites' current article templates.
 */

/** One site's article template: what lib/extract looks for (CSS selectors). Readability stays the default. */
export interface SiteRule {
  /** A short name for tests and logs. */
  name: string;
  /** The article body, first selector that finds an element with enough text wins. */
  content?: readonly string[];
  /** The article's title element. */
  title?: readonly string[];
  /** Elements holding the source, author and date line (来源：… 发布时间：…). */
  info?: readonly string[];
  /** Elements inside the article that are not article text. */
  drop?: readonly string[];
}

/** One row of the registry. */
export interface Site {
  /** Host names the row covers; each also covers its subdomains ('people.com.cn' → 'js.people.com.cn'). */
  hosts: readonly string[];
  /** The name readers cite it by (人民网); null: cited by its host name. */
  citeAs: string | null;
  /** Where the reader runs by itself (WebExtension match patterns, also host permissions); empty: only where the reader adds it. */
  matches: readonly string[];
  /** Its article template, or null (Readability alone). */
  rule: SiteRule | null;
}

/** The CMS used by most government sites (TRS WCM): its body classes. */
const TRS_CONTENT = ['.TRS_Editor', '.TRS_UEDITOR', '.Custom_UnionStyle', '#zoom', '.zoom'];

/** corpus 10 (www.gov.cn), 03/09/17/18/19 (provincial and local government portals on TRS). */
const GOVERNMENT_RULE: SiteRule = {
  name: '政府网站',
  content: ['#UCAP-CONTENT', '.pages_content', ...TRS_CONTENT, '.article-content', '.view', '.article-body'],
  title: ['.article h1', '.detail-article-title h2', '.ql_detailbro_title', '.con-title'],
  info: ['.pages-date', '.ql_detailbro_date_source', '.small-title', '.article-info', '.info'],
  drop: ['.pages_print', '.share-box', '.article-share', '.article-edit', '#infoSource', '.main-word', '.bm_content_two'],
};

/** The registry (DESIGN.md: 人民网, 新华网, 中国政府网, 求是网, 共产党员网, 光明网, local 党建 sites). */
export const SITES: readonly Site[] = [
  {
    hosts: ['people.com.cn', 'people.cn'],
    citeAs: '人民网',
    matches: ['*://*.people.com.cn/*'],
    // corpus 01, pages 14: n1/n2 article templates of 人民网 and its local channels.
    rule: {
      name: '人民网',
      content: ['#rwb_zw', '.rm_txt_con', '.box_con', '.show_text', '#p_content'],
      title: ['.rm_txt h1', '.text_title h1', '.title h1', '#p_title'],
      info: ['.rm_txt .col-1-1', '.text_title .box01 .fl', '.box01 .fl', '.col-1-1', '#p_publishtime', '#p_origin'],
      drop: ['.edit', '.box_pic', '.rm_relevant', '.paper_num', '.otitle', '.ptitle', '.box_down', '.box_read', '.box_news'],
    },
  },
  {
    hosts: ['xinhuanet.com', 'news.cn'],
    citeAs: '新华网',
    matches: ['*://*.xinhuanet.com/*', '*://*.news.cn/*'],
    // pages 02 (xinhuanet 2019) and 16 (2005); news.cn's current template uses #detail.
    rule: {
      name: '新华网',
      content: ['#detail', '#p-detail', '.main-aticle', '#Content', '#content'],
      title: ['.head-line .title', '.h-title', '#title', '#Title'],
      info: ['.header-time', '.h-info', '.source', '#Time'],
      drop: ['#articleEdit', '.editor', '.p-tags', '.share-box', '.fixhead-con', '.xinhua-qrcode', '.relatedNews'],
    },
  },
  { hosts: ['www.gov.cn'], citeAs: '中国政府网', matches: [], rule: GOVERNMENT_RULE },
  // Provincial and local government portals: cited by their host name.
  { hosts: ['gov.cn'], citeAs: null, matches: ['*://*.gov.cn/*'], rule: GOVERNMENT_RULE },
  {
    hosts: ['qstheory.cn'],
    citeAs: '求是网',
    matches: ['*://*.qstheory.cn/*'],
    rule: {
      name: '求是网',
      content: ['.highlight', '.text', '.content'],
      title: ['.inner h1', 'h1'],
      info: ['.appellation', '.pubtime'],
      drop: ['.fs-text', '.bianji'],
    },
  },
  {
    hosts: ['12371.cn'],
    citeAs: '共产党员网',
    matches: ['*://*.12371.cn/*'],
    rule: {
      name: '共产党员网',
      content: ['#font_area', '.word', '.con_text'],
      title: ['.big_title', '.title_box h1', 'h1'],
      info: ['.time', '.big_info', '.source'],
      drop: ['.bianji', '.zrbj', '.dyfx'],
    },
  },
  {
    hosts: ['gmw.cn'],
    citeAs: '光明网',
    matches: ['*://*.gmw.cn/*'],
    // corpus 24.
    rule: {
      name: '光明网',
      content: ['#articleBox', '.u-mainText', '#contentMain', '#ArticleContent'],
      title: ['.u-title', '#articleTitle', 'h1'],
      info: ['.m-con-info', '#contentMsg', '.m-con-source'],
      drop: ['#contentLiability', '.liability', '.m-zbtool', '#contentMsg_baidu', '.contentColumnLeft', '.pictext'],
    },
  },
  {
    hosts: ['cctv.com'],
    citeAs: '央视网',
    matches: ['*://*.cctv.com/*'],
    rule: {
      name: '央视网',
      content: ['#content_area', '.content_area', '#text_area', '.cnt_bd'],
      title: ['.title_area h1', '.cnt_bd h1', 'h1'],
      info: ['.info', '.info1', '.title_area .info'],
      drop: ['.zebian', '.function', '.bianji'],
    },
  },
  {
    hosts: ['cnr.cn'],
    citeAs: '央广网',
    matches: ['*://*.cnr.cn/*'],
    // corpus 15 (GB2312 bytes).
    rule: {
      name: '央广网',
      content: ['.article-content', '.TRS_Editor', '#contentText', '.contentText'],
      title: ['.article-header h1', 'h1'],
      info: ['.article-header .source', '.source'],
      drop: ['.article-editer', '.article-copyright', '.article-comps', '.editor'],
    },
  },
  {
    // Chinese pages only (cn.chinadaily.com.cn and china.chinadaily.com.cn). Not an official site of
    // DESIGN.md: it has a template and a name, and the reader runs there when the reader adds it.
    hosts: ['cn.chinadaily.com.cn', 'china.chinadaily.com.cn', 'world.chinadaily.com.cn', 'caijing.chinadaily.com.cn'],
    citeAs: '中国日报网',
    matches: [],
    rule: {
      name: '中国日报网',
      content: ['#Content', '.article', '.TRS_Editor'],
      title: ['.dabiaoti', '.main_title', 'h1'],
      info: ['.fenx .xinf-le', '.xinf-le', '.info'],
      drop: ['.fenx', '.bianji', '.editor', '#div_currpage'],
    },
  },
  {
    // Local 党建 sites (dangjian/dj subdomains of city and provincial portals) mostly run TRS too.
    hosts: ['dangjian.cn', 'dangjian.com', 'hndj.gov.cn', 'gsdj.gov.cn', 'sxdygbjy.gov.cn', 'zgdsw.cn'],
    citeAs: null,
    matches: [],
    rule: {
      name: '地方党建网站',
      content: [...TRS_CONTENT, '.article-content', '.content', '.contents'],
      title: ['.article-title', '.title h1', 'h1'],
      info: ['.article-info', '.info', '.time'],
    },
  },
];

/**
 * Where the reader runs by itself: every row's match patterns. The reader
 * script's registration and the manifest's host permissions both come from here.
 */
export const OFFICIAL_SITE_MATCHES: string[] = SITES.flatMap((site) => site.matches);

/** The row whose hosts cover `hostname`, or null. The most specific host wins (www.gov.cn before gov.cn). */
export function siteOf(hostname: string): Site | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: Site | null = null;
  let bestLength = 0;
  for (const site of SITES) {
    for (const suffix of site.hosts) {
      if ((host === suffix || host.endsWith(`.${suffix}`)) && suffix.length > bestLength) {
        best = site;
        bestLength = suffix.length;
      }
    }
  }
  return best;
}
