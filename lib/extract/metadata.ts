/**
 * An article's metadata as the page states it: its title without the site's
 * suffix ("…--党建-人民网"), its source (来源), author and publication date.
 * Read from the site rule's elements, the meta tags official CMSs write
 * (ArticleTitle, PubDate, ContentSource, publishdate, source, author, Open
 * Graph), and the page's own "来源：… 发布时间：…" line, in that order.
 */
import type { SiteRule } from '../model/sites';
import { firstText } from './site-rules';

/** What the page says about its article. */
export interface ArticleMetadata {
  /** The article's own title, without the site name. */
  title: string | null;
  /** Where the article comes from (来源), e.g. "人民日报". */
  source: string | null;
  /** The author, when the page names one. */
  author: string | null;
  /** Publication date "YYYY-MM-DD", with " HH:MM" when the page gives the time. */
  published: string | null;
  /** The site's own name for itself (og:site_name), when it gives one. */
  siteName: string | null;
}

/** Meta tag names (lower case) per field, most trusted first. */
const META_NAMES = {
  title: ['articletitle', 'og:title', 'twitter:title'],
  source: ['contentsource', 'source', 'og:site_name'],
  author: ['author', 'article:author', 'byline'],
  published: ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'og:release_date', 'maketime', 'datepublished'],
  siteName: ['og:site_name'],
} as const;

/**
 * Words a site name segment of a <title> ends with ("_中国政府网", "--人民网", "-山西省人民政府门户网站"), and
 * the bodies whose own sites name themselves so ("_某县人民政府", "-某省教育厅", "_某市发展和改革委员会"):
 * after a separator at the end of a title these are the publisher, not part of the article's title.
 */
const SITE_NAME_END = /(?:网|网站|频道|门户|公报|在线|客户端|日报|晚报|新闻|电视台|广播电台|新华社|人民日报|振兴东北|政府|委员会|常委会|政协|[部厅局委办])$/;
/** Separators between a title and the site's name: "--", "__", "_", " - ", "-", "|", "｜", " — ". */
const TITLE_SEPARATOR = /\s*(?:--|-|_{1,2}|\||｜|\s—\s|——(?=[^——]*(?:网|网站)$))\s*/g;
/** Column names before a site name ("--文化--人民网", "_探索者_光明网") are at most this long. */
const MAX_COLUMN_CHARS = 16;
/** A column name this short goes too, even after a different separator ("--党建-人民网"). */
const SHORT_COLUMN_CHARS = 6;
/** What is left of a title must keep at least this many characters. */
const MIN_TITLE_CHARS = 4;
/** Where pages without a usable <title> (old CMSs, saved copies) put the article's heading. */
const HEADING_SELECTORS = ['h1', '.Heading', '#title', '.title'];
/** A heading shorter than this is a logo or a section name, not the article's title. */
const MIN_HEADING_CHARS = 6;
/** Longer "titles" are body text picked up by a loose selector. */
const MAX_TITLE_CHARS = 150;
/** A value with markup in it is a broken meta tag (seen: ArticleTitle="…<div>"). */
const MARKUP = /[<>]/;

/** Removes the site's name, and the column names before it, from the end of a page title. */
export function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  const cuts = [...title.matchAll(TITLE_SEPARATOR)].map((m) => ({ at: m.index, end: m.index + m[0].length, sep: m[0].trim() }));
  if (cuts.length === 0) return title;
  const last = cuts[cuts.length - 1]!;
  if (!SITE_NAME_END.test(title.slice(last.end).trim())) return title;
  let end = last.at;
  for (let i = cuts.length - 2; i >= 0; i--) {
    const cut = cuts[i]!;
    const segment = title.slice(cut.end, end).trim();
    if (segment.length > MAX_COLUMN_CHARS || cut.at < MIN_TITLE_CHARS) break;
    if (cut.sep !== last.sep && !SITE_NAME_END.test(segment) && segment.length > SHORT_COLUMN_CHARS) break;
    end = cut.at;
  }
  const cleaned = title.slice(0, end).trim();
  return cleaned.length >= MIN_TITLE_CHARS ? cleaned : title;
}

/** "2019-06-15", "2022年02月13日 07:00", "2007-08-20-23:59:59" → "YYYY-MM-DD[ HH:MM]"; null when no date. */
export function normalizeDate(text: string): string | null {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:[\sT-]*(\d{1,2})[:：](\d{2}))?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return h !== undefined && mi !== undefined ? `${date} ${h.padStart(2, '0')}:${mi}` : date;
}

/** "来源：人民网-文化频道 原创稿" → "人民网-文化频道". */
const SOURCE_LINE = /来\s*源\s*[:：]\s*([^\s|｜，,;；:：　]{2,30})/;
/** "作者：张三" / "作者︱春春". */
const AUTHOR_LINE = /作\s*者\s*[:：︱|]\s*([^\s|｜，,;；:：　]{2,20})/;
/** "发布时间：2022-02-11", "时间：…", "日期：…", "发布日期：…". */
const DATE_LINE = /(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*([^\n]{8,30})/;
/** People's Daily CMS writes numeric user ids into meta author; those are not names. */
const NOT_A_NAME = /^[\dA-Z_]*$/i;

/** The first usable content among meta tags of these names. */
type MetaReader = (names: readonly string[]) => string | null;

/** The page's meta tags by lower-case name (the first usable content of each), read once per page. */
function metaTags(doc: Document): MetaReader {
  const byName = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[name], meta[property], meta[itemprop]')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = (meta.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (content && !MARKUP.test(content) && !byName.has(key)) byName.set(key, content);
  }
  return (names) => {
    for (const name of names) {
      const value = byName.get(name);
      if (value) return value;
    }
    return null;
  };
}

/** Text of the page up to the end of the article (the info line is above it or at its end), without scripts. */
function pageTextUntil(doc: Document, root: Element | null): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(parent.tagName)) continue;
    if (root && !root.contains(node) && root.compareDocumentPosition(node) & 4 /* FOLLOWING */) break;
    parts.push((node as Text).data);
  }
  return parts.join(' ').replace(/[\s\u00a0]+/g, ' ');
}

/** What the page's text and tags say of the article's source, author and date. */
type ArticleDetails = Pick<ArticleMetadata, 'source' | 'author' | 'published'>;

function articleDetails(doc: Document, rule: SiteRule | null, root: Element | null, metaContent: MetaReader): ArticleDetails {
  // The first element of each info selector: sites split source, author and date over several.
  const info = (rule?.info ?? []).map((selector) => firstText(doc, [selector]) ?? '').join(' ');
  let text: string | null = null;
  const pageText = (): string => (text ??= pageTextUntil(doc, root));

  const metaSource = metaContent(META_NAMES.source);
  const source =
    SOURCE_LINE.exec(info)?.[1] ??
    (metaSource ? (SOURCE_LINE.exec(metaSource)?.[1] ?? metaSource.replace(/^来源[:：]\s*/, '')) : null) ??
    SOURCE_LINE.exec(pageText())?.[1] ??
    null;

  const metaAuthor = metaContent(META_NAMES.author);
  const author =
    AUTHOR_LINE.exec(info)?.[1] ??
    (metaAuthor && !NOT_A_NAME.test(metaAuthor) && metaAuthor.length <= 20 ? metaAuthor : null) ??
    AUTHOR_LINE.exec(pageText())?.[1] ??
    null;

  const metaDate = metaContent(META_NAMES.published);
  const published =
    normalizeDate(info) ??
    (metaDate ? normalizeDate(metaDate) : null) ??
    normalizeDate(DATE_LINE.exec(pageText())?.[1] ?? '') ??
    null;

  return { source: source && source.replace(/[>》\]】)）]+$/, ''), author, published };
}

/**
 * The metadata of the article in `doc`; `root` is the article element, `fallbackTitle` Readability's title.
 * The title is read at once (the analysis weighs it). Source, author and date are read when first asked
 * for, all three together: they may walk the page's text up to the article's end (0.5–3 ms on the
 * corpus pages), and a page that gets no marks needs them only after it is done (its notes' citation,
 * the notebook). Ask before changing the page's text nodes (marks split them).
 */
export function extractMetadata(
  doc: Document,
  rule: SiteRule | null,
  root: Element | null,
  fallbackTitle: string | null,
): ArticleMetadata {
  const metaContent = metaTags(doc);
  const ruleTitle = firstText(doc, rule?.title);
  const metaTitle = metaContent(META_NAMES.title);
  const heading = (): string | null => {
    const text = firstText(doc, HEADING_SELECTORS);
    return text && text.length >= MIN_HEADING_CHARS ? text : null;
  };
  const candidates = [ruleTitle, metaTitle && cleanTitle(metaTitle), fallbackTitle && cleanTitle(fallbackTitle), cleanTitle(doc.title) || heading()];
  const title = candidates.find((t): t is string => !!t && t.length <= MAX_TITLE_CHARS) ?? null;

  let details: ArticleDetails | undefined;
  const more = (): ArticleDetails => (details ??= articleDetails(doc, rule, root, metaContent));
  return {
    title,
    siteName: metaContent(META_NAMES.siteName),
    get source() {
      return more().source;
    },
    get author() {
      return more().author;
    },
    get published() {
      return more().published;
    },
  };
}
