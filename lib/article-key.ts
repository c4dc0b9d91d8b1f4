/**
 * The identity of an article: the same article reached by URLs that differ only
 * in tracking parameters, a fragment or letter case of the host opens the same
 * notes.
 */

/** Query parameters that say how a reader arrived, not which page they read. */
const TRACKING_PARAMS = /^(utm_\w+|spm|from|share_token|shareid|isappinstalled|wfr|_t|timestamp|scene|clicktime|enterid)$/i;

/** The normalised key of `url`: scheme and host lower case, no fragment, no tracking parameters. */
export function articleKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(name)) parsed.searchParams.delete(name);
  }
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname}${query ? `?${query}` : ''}`;
}
