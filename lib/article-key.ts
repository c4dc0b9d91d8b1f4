/**
 * The identity of an article: the same article reached by another URL opens the
 * same notes. The page's canonical link wins when it names the same site; then
 * mobile hosts, print views, pagination (…_2.htm, index_2.html), tracking
 * parameters, the fragment and the scheme are normalised away.
 */

/** Query parameters that say how a reader arrived, not which page they read. */
const TRACKING_PARAMS =
  /^(utm_\w+|spm|from|share_token|shareid|share|sharefrom|sharetype|wxshare|isappinstalled|wfr|_t|t|timestamp|scene|clicktime|enterid|fbclid|gclid|ref|refer|vd_source|tt_from|sdkver)$/i;
/** Query parameters that choose a view or a page of the same article, not another article. */
const VIEW_PARAMS = /^(print|printable|pc|mobile|wap|page|pageno|pn)$/i;
/** `view=print`, `mode=print`, `type=print`: a print view named by value. */
const PRINT_VALUE_PARAMS = /^(view|mode|type)$/i;

/** Host prefixes of mobile editions, which serve the same paths as `www.`. */
const MOBILE_HOST = /^(m|wap|3g|mobile|mobi)\./i;
/** Second-level domains under .cn under which sites register (gov.cn, com.cn…). */
const CN_SECOND_LEVEL = new Set(['com', 'gov', 'org', 'net', 'edu', 'ac']);
/**
 * A page number after the article's own name: content_5412345_2.htm, c117092-21345-3.html,
 * index_2.html. Only after a name ending in a digit (or `index`), so `a_12.html` stays itself.
 */
const PAGE_SUFFIX = /^((?:.*\d)|index)[_-]([1-9]\d?)(\.s?html?)$/i;
/** A print view in the file name: c_1127_print.htm. */
const PRINT_SUFFIX = /^(.+)[_-]print(\.s?html?)$/i;
/** A directory's index page, which is the same page as the directory. */
const INDEX_PAGE = /\/index\.s?html?$/i;

/** The registrable domain of a host: people.com.cn for dangjian.people.com.cn, news.cn for www.news.cn. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().split('.');
  const secondLevel = labels.length >= 3 && labels[labels.length - 1] === 'cn' && CN_SECOND_LEVEL.has(labels[labels.length - 2]!);
  return labels.slice(secondLevel ? -3 : -2).join('.');
}

/** Parses an http(s) URL, or null. */
function parseHttp(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The canonical URL to trust for `url`: the page's canonical link when it names
 * an article of the same site (not the site's home page, which some sites put
 * there for every article); else `url` itself.
 */
export function identityUrl(url: string, canonical?: string | null): string {
  const page = parseHttp(url);
  const named = parseHttp(canonical);
  if (!page || !named) return url;
  if (siteOf(named.hostname) !== siteOf(page.hostname)) return url;
  const isHomePage = named.pathname === '/' || (INDEX_PAGE.test(named.pathname) && named.pathname.split('/').length <= 2);
  if (isHomePage) return url;
  return named.href;
}

function normaliseHost(host: string): string {
  const lower = host.toLowerCase();
  const desktop = lower.replace(MOBILE_HOST, 'www.');
  return desktop === siteOf(desktop) && !desktop.startsWith('www.') ? `www.${desktop}` : desktop;
}

function normalisePath(path: string): string {
  const slash = path.lastIndexOf('/');
  let dir = path.slice(0, slash + 1);
  let file = path.slice(slash + 1);
  file = file.replace(PRINT_SUFFIX, '$1$2').replace(PAGE_SUFFIX, '$1$3');
  if (dir.startsWith('/print/')) dir = dir.slice('/print'.length);
  const joined = dir + file;
  return INDEX_PAGE.test(joined) ? joined.replace(INDEX_PAGE, '/') : joined;
}

/**
 * The normalised key of an article: host (mobile → www) and path without
 * scheme, fragment, tracking or view parameters, print or page suffix.
 * @param canonical the page's <link rel=canonical>, used when it names the same site.
 */
export function articleKey(url: string, canonical?: string | null): string {
  const parsed = new URL(identityUrl(url, canonical));
  // forEach, not entries(): in a Firefox content script the iterator comes back Xray-wrapped and is "not iterable".
  const params: [string, string][] = [];
  parsed.searchParams.forEach((value, name) => params.push([name, value]));
  for (const [name, value] of params) {
    const isPrint = PRINT_VALUE_PARAMS.test(name) && value.toLowerCase() === 'print';
    if (TRACKING_PARAMS.test(name) || VIEW_PARAMS.test(name) || isPrint) parsed.searchParams.delete(name);
  }
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  return `${normaliseHost(parsed.host)}${normalisePath(parsed.pathname)}${query ? `?${query}` : ''}`;
}
