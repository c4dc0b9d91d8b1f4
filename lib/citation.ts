/**
 * 复制引用: a quote with its source, ready to paste into a study record or a
 * meeting document. Pure text in, text out; the content script reads the page.
 */
import { siteOf } from './model/sites';

/** What a citation is made of. */
export interface CitationSource {
  /** The quoted text. */
  quote: string;
  /** The article's title. */
  title: string;
  /** The site's name (人民网) or host. */
  site: string;
  /** The publication date as found on the page (normalised by `formatDate`), or null. */
  date: string | null;
  /** The page's address. */
  url: string;
}

/** The name readers cite a site by: 人民网 for dangjian.people.com.cn; `declared` (og:site_name) wins; else the host. */
export function siteNameOf(host: string, declared?: string | null): string {
  if (declared && declared.trim()) return declared.trim();
  return siteOf(host)?.citeAs ?? host.toLowerCase();
}

/** A date written as 2011-03-15, 2011/3/15, 2011年03月15日 or an ISO time. */
const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** The first date in `text` as 2011年3月15日, or null. */
export function formatDate(text: string | null | undefined): string | null {
  const found = text ? DATE.exec(text) : null;
  if (!found) return null;
  const [, year, month, day] = found;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** The whole citation, plain text: the quote in Chinese quotation marks, then its source line and address. */
export function formatCitation(source: CitationSource): string {
  const quote = source.quote.trim().replace(/\s*\n\s*/g, '\n');
  const parts = [`《${source.title.trim() || '（无标题）'}》`, source.site, source.date].filter((p): p is string => !!p);
  return `“${quote}”\n——${parts.join('，')}\n${source.url}`;
}
