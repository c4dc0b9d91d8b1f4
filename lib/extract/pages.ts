/**
 * Articles split over several pages (人民网 c1013-31153719-2.html, 新华网
 * content_4894059_1.htm, index2.html; pagers "[1][2][3]", "第2页", "下一页"):
 * finds the other pages of the article in the page's own links, and turns a
 * fetched page into its article paragraphs (text only: the page is parsed
 * inert, nothing of it runs or is inserted as HTML).
 */
import { extractArticle } from './index';
import { siteRuleFor } from './site-rules';

/** Pages of one article are numbered up to this; a higher number is not a page link. */
export const MAX_PAGES = 20;

/** A page's path: its stem, the page number (0 for the first page, which has none), and its extension. */
interface PagePath {
  stem: string;
  page: number;
  ext: string;
}

/** "/n1/2019/0615/c1013-31153719-2.html" → stem "…c1013-31153719", page 2; "/a/index3.html" → "/a/index", 3. */
function pagePath(pathname: string): PagePath | null {
  const m = /^(.*?)(?:([-_])(\d{1,2})|(?<=\/index)(\d{1,2}))?(\.s?html?)$/i.exec(pathname);
  if (!m) return null;
  const number = m[3] ?? m[4];
  return { stem: m[1]!, page: number === undefined ? 0 : Number(number), ext: m[5]!.toLowerCase() };
}

/**
 * The addresses of all pages of the article at `url`, in page order (this one
 * included), from the links in `doc`; empty when the article has one page.
 */
export function findPageLinks(doc: Document, url: string): string[] {
  const here = new URL(url);
  const own = pagePath(here.pathname);
  if (!own) return [];
  const pages = new Map<number, string>([[own.page, `${here.origin}${here.pathname}`]]);
  for (const link of doc.querySelectorAll('a[href]')) {
    let target: URL;
    try {
      target = new URL(link.getAttribute('href') ?? '', url);
    } catch {
      continue;
    }
    if (target.origin !== here.origin) continue;
    const path = pagePath(target.pathname);
    if (!path || path.stem !== own.stem || path.ext !== own.ext || path.page > MAX_PAGES) continue;
    if (!pages.has(path.page)) pages.set(path.page, `${target.origin}${target.pathname}`);
  }
  if (pages.size < 2) return [];
  return [...pages.entries()].sort(([a], [b]) => a - b).map(([, address]) => address);
}

/** Charsets browsers decode as GB18030 (a superset of GBK and GB2312). */
const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/i;
/** Bytes looked at for a <meta charset>. */
const SNIFF_BYTES = 2048;

/** A fetched page's text: the charset of the Content-Type header, else of its <meta>, else UTF-8 — as a browser does. */
export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES)))?.[1] ??
    'utf-8';
  const label = GB_FAMILY.test(declared) ? 'gb18030' : declared;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The article paragraphs of another page of the article, parsed from its HTML; [] when none is found. */
export function pageParagraphs(html: string, url: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = extractArticle(doc, siteRuleFor(new URL(url).hostname));
  if (!article) return [];
  return article.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
