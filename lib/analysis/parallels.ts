/**
 * Parallel series (排比短语; LABELING.md "parallels"): three or more short
 * items of the same shape that the text uses as one unit — 听民意、解民忧、排民难;
 * 比作风、比本领、比服务、比奉献; 一种肯定，一种被允许，一种赏识.
 *
 * Two character loops find runs of Chinese words separated by 、 and by ，. The
 * middle items fix the series' shape (their length and any shared first or
 * last characters); the first item loses the governing verb before it
 * (开展听民意 → 听民意) and the last the words after it (排民难的各项活动 →
 * 排民难). A run separated by ， must share its opening words, or it is just a
 * sentence of clauses.
 */
import type { Source } from './normalize';
import type { DetectedItem } from './types';

/** Item length bounds (LABELING.md: items of 2–7 characters). */
const MIN_ITEM = 2;
const MAX_ITEM = 7;
/** Clause items in a ，-separated series may be a little longer (一种被允许 / 允许个性的张扬). */
const MAX_CLAUSE_ITEM = 9;
/** A series needs this many items. */
const MIN_ITEMS = 3;
/** 、 joins the items of an enumeration. */
const ENUMERATION_COMMA = /、/;
/** ， or , join clauses. */
const CLAUSE_COMMA = /[，,]/;

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * Calls `visit` with every run of Chinese words joined by single separators
 * (`isSeparator`) that has at least MIN_ITEMS words. One character loop: a
 * regex for the same runs costs several times more on two-byte text.
 */
function forEachRun(text: string, isSeparator: (code: number) => boolean, visit: (start: number, end: number) => void): void {
  let start = -1;
  let words = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (isCjk(code)) {
      if (start === -1) {
        start = i;
        words = 1;
      }
    } else if (start !== -1 && isSeparator(code) && isCjk(text.charCodeAt(i + 1)) && isCjk(text.charCodeAt(i - 1))) {
      words++;
    } else if (start !== -1) {
      if (words >= MIN_ITEMS) visit(start, i);
      start = -1;
    }
  }
}

const isEnumerationComma = (code: number): boolean => code === 0x3001;
const isClauseComma = (code: number): boolean => code === 0xff0c || code === 0x2c;

/** Where the last item of a series ends before the words that follow it: 运行有效的制度体系, 体育等单位. */
const LIST_END = /[的等]/;
/** Lists of places (浙江省、广东省、黑龙江省) share a last character but are not parallel phrases. */
const PLACE_SUFFIX = /[省市县区村镇乡州洲国]$/;

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function commonSuffix(words: readonly string[]): string {
  let suffix = words[0] ?? '';
  for (const w of words) while (!w.endsWith(suffix)) suffix = suffix.slice(1);
  return suffix;
}

/** A trimmed series: offsets of its first and last characters and its items. */
interface Series {
  start: number;
  end: number;
  items: string[];
  /** How many outer items were cut to the inner items' width (no shared characters to cut at). */
  widthCuts: number;
}

/** Trims the outer words of a segment to the shape of the inner ones; null when they do not fit it. */
function trimSegment(words: readonly string[], at: number): Series | null {
  const inner = words.slice(1, -1);
  const prefix = commonPrefix(words.slice(1));
  const suffix = commonSuffix(words.slice(0, -1));
  const width = inner.reduce((max, w) => Math.max(max, w.length), 0);
  let widthCuts = 0;
  const rawFirst = words[0]!;
  let first = rawFirst;
  const prefixCut = prefix.length > 0 ? first.lastIndexOf(prefix) : -1;
  if (prefixCut > 0 && first.length - prefixCut >= MIN_ITEM) first = first.slice(prefixCut);
  else if (first.length > width) {
    first = first.slice(-width);
    widthCuts++;
  }
  const rawLast = words[words.length - 1]!;
  let last = rawLast.split(LIST_END)[0]!;
  const suffixCut = suffix.length > 0 ? last.indexOf(suffix) : -1;
  if (suffixCut >= 0 && suffixCut + suffix.length >= MIN_ITEM) last = last.slice(0, suffixCut + suffix.length);
  else if (last.length > width) {
    last = last.slice(0, width);
    widthCuts++;
  }
  if (first.length < MIN_ITEM || last.length < MIN_ITEM) return null;
  const items = [first, ...inner, last];
  const start = at + rawFirst.length - first.length;
  return { start, end: start + items.join('、').length, items, widthCuts };
}

/**
 * Whether the series has one shape: items sharing their first or last
 * characters (比作风、比本领; 党员意识、大局意识), or items of one length longer than
 * two. Where both outer items had to be cut to that length, the length is our
 * guess, so the items must also share a character at one place (听民意、解民忧、排民难)
 * or two inner items must show the length.
 */
function sameShape(s: Series): boolean {
  const { items } = s;
  const prefix = commonPrefix(items).length;
  if (prefix > 0 || commonSuffix(items).length > 0) return prefix > 0 || !PLACE_SUFFIX.test(items[0]!);
  const length = items[0]!.length;
  if (length <= MIN_ITEM || !items.every((w) => w.length === length)) return false;
  if (s.widthCuts < 2 || items.length > MIN_ITEMS) return true;
  for (let i = 0; i < length; i++) if (items.every((w) => w.charAt(i) === items[0]!.charAt(i))) return true;
  return false;
}

/**
 * Splits a run's words into segments at words that cannot be inner items (too
 * long or too short, or closing a list with 等): such a word ends one segment
 * and opens the next.
 */
function segments(words: readonly string[], maxItem: number): { from: number; to: number }[] {
  const result: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const fits = w.length >= MIN_ITEM && w.length <= maxItem && !w.includes('等');
    if (!fits || i === words.length - 1) {
      if (i - from + 1 >= MIN_ITEMS) result.push({ from, to: i + 1 });
      from = i;
    }
  }
  return result;
}

/** The series of words[from, to), trimmed, if it has one shape. */
function shapedSeries(words: readonly string[], offsets: readonly number[], from: number, to: number): Series | null {
  if (to - from < MIN_ITEMS) return null;
  const s = trimSegment(words.slice(from, to), offsets[from]!);
  return s && sameShape(s) ? s : null;
}

/** The series of one run of words separated by one-character separators. */
function seriesOfRun(run: string, at: number, separator: RegExp, maxItem: number): Series[] {
  const words = run.split(separator);
  const offsets: number[] = [];
  let offset = at;
  for (const w of words) {
    offsets.push(offset);
    offset += w.length + 1;
  }
  const found: Series[] = [];
  for (const { from, to } of segments(words, maxItem)) {
    // An outer word may belong to the sentence rather than the series: try without it.
    const s =
      shapedSeries(words, offsets, from, to) ?? shapedSeries(words, offsets, from, to - 1) ?? shapedSeries(words, offsets, from + 1, to);
    if (s) found.push(s);
  }
  return found;
}

function toItem(src: Source, s: Series): DetectedItem {
  return { kind: 'parallel', marker: null, text: src.original.slice(s.start, s.end), start: s.start, end: s.end, rank: -1, series: -1 };
}

/** Finds parallel series in the text. */
export function findParallels(src: Source): DetectedItem[] {
  const text = src.folded;
  const found: DetectedItem[] = [];
  forEachRun(text, isEnumerationComma, (start, end) => {
    for (const s of seriesOfRun(text.slice(start, end), start, ENUMERATION_COMMA, MAX_ITEM)) found.push(toItem(src, s));
  });
  forEachRun(text, isClauseComma, (start, end) => {
    for (const s of seriesOfRun(text.slice(start, end), start, CLAUSE_COMMA, MAX_CLAUSE_ITEM)) {
      if (commonPrefix(s.items).length > 0) found.push(toItem(src, s));
    }
  });
  return found;
}
