/**
 * Pages in UTF-8 that do not say so. A CMS fragment or a bare page often has no
 * <meta charset>, and a server may send no charset either; browsers then read
 * the bytes in the locale's legacy encoding (GBK for zh-CN) and never guess
 * UTF-8 over http, so the reader would see mojibake where the CLI, which tries
 * UTF-8 first, reads the article. Given the same bytes decoded as UTF-8, the
 * page's text nodes are put right in place.
 *
 * Markup survives the wrong decoding: tags, quotes and entities are ASCII, and
 * no GBK trail byte is '<', '>', '&', '"' or '=', so the tree built from the
 * right text has the same shape as the live one. The repair walks both trees
 * together and only changes the data of text nodes; when the shapes differ (a
 * script changed the page) it changes nothing.
 */

/** The encodings browsers read GBK pages in. */
const GB_FAMILY = /^(?:GBK|GB18030|GB2312)$/i;

/**
 * Common characters whose two GBK bytes are both 0xC0 or above. In UTF-8 a
 * byte from 0xC0 up is never followed by another one, so a page read in GBK
 * that shows one of these was not UTF-8 bytes: its repair could change
 * nothing, and the page is not read a second time. Nearly every Chinese page
 * in GBK has some; UTF-8 read in GBK (mojibake) has none.
 */
export const GBK_ONLY_CHARS = '是在了中人有这我上们以年';
const GBK_ONLY = new RegExp(`[${GBK_ONLY_CHARS}]`);

/**
 * Whether a page decoded as `characterSet` may be UTF-8 in disguise: it was not
 * read as UTF-8, declares no charset, and (read in GBK) shows none of the
 * characters that prove GBK bytes.
 */
export function mayBeUndeclaredUtf8(doc: Document): boolean {
  if (doc.characterSet.toUpperCase() === 'UTF-8') return false;
  if (doc.querySelector('meta[charset], meta[http-equiv="content-type" i]') !== null) return false;
  return !(GB_FAMILY.test(doc.characterSet) && GBK_ONLY.test(doc.body?.textContent ?? ''));
}

/** The text of bytes that are UTF-8 beyond doubt (valid, and not plain ASCII), or null. */
export function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return /[^\u0000-\u007f]/.test(text) ? text : null;
}

/** Whether a Content-Type header names a charset (the server said; the browser followed it). */
export function declaresCharset(contentType: string | null): boolean {
  return /charset\s*=/i.test(contentType ?? '');
}

/**
 * The nodes under `root` in document order (elements and text; comments and
 * others skipped). <noscript> is left out: a live page parses its content as
 * text, a parsed document (scripting off) as elements.
 */
function* walk(root: Node): Generator<Node> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeName === 'NOSCRIPT' ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node;
}

/**
 * Puts the text of `live` right from `parsed` (the same page, parsed from its
 * UTF-8 text). Returns how many text nodes changed; 0, and no change at all,
 * when the two trees do not have the same shape.
 */
export function retextFrom(live: Document, parsed: Document): number {
  const changes: [Text, string][] = [];
  const ours = walk(live.documentElement);
  const theirs = walk(parsed.documentElement);
  for (;;) {
    const a = ours.next();
    const b = theirs.next();
    if (a.done || b.done) {
      if (a.done !== b.done) return 0;
      break;
    }
    const [mine, right] = [a.value, b.value];
    if (mine.nodeType !== right.nodeType || mine.nodeName !== right.nodeName) return 0;
    if (mine.nodeType === 3 && (mine as Text).data !== (right as Text).data) changes.push([mine as Text, (right as Text).data]);
  }
  for (const [node, data] of changes) node.data = data;
  return changes.length;
}
