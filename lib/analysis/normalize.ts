/**
 * Text handling shared by every detector: a same-length folding of the text
 * (full-width letters and digits, ideographic space, Traditional characters)
 * and the split into logical paragraphs that survives print page breaks.
 *
 * Folding never changes the length of the text, so an offset found in the
 * folded text is the same offset in the caller's text. Punctuation is NOT
 * folded (that would touch every comma of a Chinese text and cost a callback
 * per character); the detectors' patterns accept both widths instead.
 */
import { COMMONEST_TRADITIONAL, SIMPLIFIED, TRADITIONAL } from './data/traditional';

/** Distance between a full-width ASCII character and its half-width twin. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Every character that folds: full-width digits and letters, the ideographic
 * space, the Traditional characters of data/traditional.ts. One native regex
 * scan finds them (most texts have none, and then the text is returned as it
 * is); a character loop in JavaScript would run in the interpreter on a
 * freshly loaded page and cost a hundred times more there.
 */
const FOLDABLE = new RegExp(`[\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\u3000${TRADITIONAL}]`, 'g');
/** Full-width letters and digits and the ideographic space alone: ranges, a fast scan. */
const FOLDABLE_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g;
/** Whether a text is written in Traditional characters (see COMMONEST_TRADITIONAL). */
const TRADITIONAL_TEXT = new RegExp(`[${COMMONEST_TRADITIONAL}]`);
/**
 * Texts up to this length are scanned for every Traditional character (it costs
 * little); longer ones only when TRADITIONAL_TEXT finds them written in
 * Traditional. The 165-character class costs 0.2 ms per 20,000 characters, a
 * fifth of the warm budget, to find nothing in a Simplified text; a stray
 * Traditional character in a long Simplified text stays unfolded, which can
 * only weaken a vocabulary match.
 */
const FULL_SCAN_CHARS = 4000;

/** The Simplified twin of each Traditional character, built on the first text that has one. */
let simplifiedOf: Map<string, string> | null = null;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x3000) return ' ';
  if (code >= 0xff10 && code <= 0xff5a) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  if (simplifiedOf === null) {
    simplifiedOf = new Map();
    for (let i = 0; i < TRADITIONAL.length; i++) simplifiedOf.set(TRADITIONAL.charAt(i), SIMPLIFIED.charAt(i));
  }
  return simplifiedOf.get(char) ?? char;
}

/** The text with full-width letters/digits, ideographic spaces and Traditional characters folded; same length. */
export function fold(text: string): string {
  const traditional = text.length <= FULL_SCAN_CHARS || TRADITIONAL_TEXT.test(text);
  return text.replace(traditional ? FOLDABLE : FOLDABLE_WIDTH, foldChar);
}

/** The text as every detector sees it: the caller's text, its folded twin and its paragraphs. */
export interface Source {
  /** The caller's text: output (markers, item text) is sliced from it. */
  original: string;
  /** `fold(original)`: patterns run on it; same length, so offsets agree. */
  folded: string;
  /** Logical paragraphs of the text. */
  paras: Paragraph[];
}

/** Prepares a text for the detectors. */
export function toSource(original: string): Source {
  const folded = fold(original);
  return { original, folded, paras: paragraphs(folded) };
}

/** A logical paragraph: [start, end) in the text, surrounding white space excluded. */
export interface Paragraph {
  /** Offset of the paragraph's first non-space character. */
  start: number;
  /** Offset just past its last non-space character. */
  end: number;
}

/**
 * A line ending in one of these closes its paragraph; a long line ending in
 * anything else was cut by a page break and continues on the next line.
 */
const CLOSING_CHAR = /[。！？!?；;：:…」』”"’）)】\]*|]$/;
/** A line this long without closing punctuation is prose cut by a page break, not a heading. */
const SOFT_BREAK_MIN_LINE = 40;

/** '#': a line opening with it is a Markdown heading, never the rest of a cut sentence. */
const HASH = 0x23;

/** Splits text into logical paragraphs, joining lines that a print page break cut mid-sentence. */
export function paragraphs(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      const previous = result[result.length - 1];
      if (previous && text.charCodeAt(start) !== HASH && continuesPrevious(text, previous)) previous.end = end;
      else result.push({ start, end });
    }
    lineStart = lineEnd + 1;
  }
  return result;
}

function continuesPrevious(text: string, previous: Paragraph): boolean {
  return previous.end - previous.start >= SOFT_BREAK_MIN_LINE && endsOpen(text, previous);
}

/** Whether a paragraph ends without closing punctuation (a heading, or a line cut short). */
export function endsOpen(text: string, para: Paragraph): boolean {
  return !CLOSING_CHAR.test(text.charAt(para.end - 1));
}

/** White space, including the ideographic space and no-break space. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0x3000 || code === 0xa0;
}

/** Removes all white space (a span that crossed a page break reads as one line). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The paragraph containing `offset` (binary search over sorted paragraphs); undefined in a gap. */
export function paragraphAt(paras: readonly Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paras[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}
