/**
 * Parallel series (排比短语; LABELING.md "parallels"): three or more short
 * items of the same shape that the text uses as one unit — 听民意、解民忧、排民难;
 * 比作风、比本领、比服务、比奉献; 一种肯定，一种被允许，一种赏识.
 *
 * Two regex passes find runs of Chinese words separated by 、 and by ，. The
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
/** Runs of Chinese words joined by 、 (at least three words). */
const ENUMERATION_RUN = /[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}/g;
/** Runs of Chinese clauses joined by ， or , (at least three). */
const CLAUSE_RUN = /[\u4e00-\u9fff]+(?:[，,][\u4e00-\u9fff]+){2,}/g;

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
}

/**
 * Trims the run's outer items to the shape of the inner ones. `words` are the
 * run's items, `at` the run's offset, `sep` the separator length (1).
 */
function trimRun(words: string[], at: number, maxItem: number): Series | null {
  const inner = words.slice(1, -1);
  if (inner.some((w) => w.length < MIN_ITEM || w.length > maxItem)) return null;
  const prefix = commonPrefix(words.slice(1));
  const suffix = commonSuffix(words.slice(0, -1));
  const width = Math.max(...inner.map((w) => w.length));
  let first = words[0]!;
  if (prefix.length > 0 && first.lastIndexOf(prefix) > 0) first = first.slice(first.lastIndexOf(prefix));
  else if (first.length > width) first = first.slice(-width);
  let last = words[words.length - 1]!;
  if (suffix.length > 0 && last.indexOf(suffix) >= 0) last = last.slice(0, last.indexOf(suffix) + suffix.length);
  else if (last.length > width) last = last.slice(0, width);
  if (first.length < MIN_ITEM || last.length < MIN_ITEM) return null;
  const start = at + words[0]!.length - first.length;
  const joined = words.join('、').length;
  const end = at + joined - (words[words.length - 1]!.length - last.length);
  return { start, end, items: [first, ...inner, last] };
}

function toItem(src: Source, s: Series): DetectedItem {
  return { kind: 'parallel', marker: null, text: src.original.slice(s.start, s.end), start: s.start, end: s.end, rank: -1, series: -1 };
}

/** Finds parallel series in the text. */
export function findParallels(src: Source): DetectedItem[] {
  const text = src.folded;
  const found: DetectedItem[] = [];
  ENUMERATION_RUN.lastIndex = 0;
  for (let m = ENUMERATION_RUN.exec(text); m !== null; m = ENUMERATION_RUN.exec(text)) {
    const s = trimRun(m[0].split('、'), m.index, MAX_ITEM);
    if (s && s.items.length >= MIN_ITEMS) found.push(toItem(src, s));
  }
  CLAUSE_RUN.lastIndex = 0;
  for (let m = CLAUSE_RUN.exec(text); m !== null; m = CLAUSE_RUN.exec(text)) {
    const words = m[0].split(/[，,]/);
    const s = trimRun(words, m.index, MAX_CLAUSE_ITEM);
    if (s && commonPrefix(s.items).length > 0) found.push(toItem(src, s));
  }
  return found;
}
