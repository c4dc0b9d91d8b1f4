/**
 * A page in UTF-8 that does not say so, read by the browser in GBK (see
 * lib/extract/charset.ts): the reader reads the page's bytes again (from the
 * browser's cache, same origin) and puts its text right before reading it.
 * Pages that declare a charset, or were read as UTF-8, cost nothing here.
 */
import { declaresCharset, mayBeUndeclaredUtf8, retextFrom, utf8Text } from '@/lib/extract/charset';

/** Repairs the page's text when it is undeclared UTF-8 read in another encoding; says whether it did. */
export async function repairUndeclaredUtf8(doc: Document): Promise<boolean> {
  if (!mayBeUndeclaredUtf8(doc)) return false;
  try {
    const response = await fetch(doc.URL, { cache: 'force-cache', credentials: 'include' });
    if (!response.ok || declaresCharset(response.headers.get('content-type'))) return false;
    const text = utf8Text(new Uint8Array(await response.arrayBuffer()));
    if (text === null) return false;
    const changed = retextFrom(doc, new DOMParser().parseFromString(text, 'text/html'));
    if (changed > 0) console.info(`[研读] 本页未声明编码，按 UTF-8 重新读出了 ${changed} 段文字。`);
    return changed > 0;
  } catch (error) {
    console.warn('[研读] 本页未声明编码，重新读取失败：', error);
    return false;
  }
}
