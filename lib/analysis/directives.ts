/**
 * Directives: the items of an enumerated series (LABELING.md "directives").
 *
 * One regex pass finds every candidate marker of every form — 一是/一要,
 * 其一, 第一, 首先/其次/再次/最后, 一方面/另一方面, 一、 headings, （一）,
 * 1. / 1、, （1）, ① — then each form's candidates are chained into series
 * whose numbers follow one another (a new 一 restarts the chain). A series
 * needs two items. Look-alikes are refused at the candidate stage: a marker
 * must stand at a clause boundary (so 统一是, 唯一要 are not markers) and must
 * be followed by what opens an item (so 第一责任人, 第一次, 再次向…, 最后的,
 * 5.png, 3.5 are not).
 */
import type { DetectedItem } from './types';
import { markerNumber } from './numerals';
import { isSpace, paragraphAt, squeeze } from './normalize';
import type { Source } from './normalize';

/** Chinese numerals as they appear inside markers. */
const NUM = '[一二三四五六七八九十]';
/** What may follow a digit marker (1. 1、): not a digit, a dot, a letter or %, so 3.5, 5.png, 1.5% are no markers; one space may stand before the item (1. 响应…). */
const DIGIT_ITEM = '(?=[^\\d\\s.．a-zA-Z%]| [^\\d\\s.．a-zA-Z%])';

/** Where a form's marker may stand, besides the start of a line. */
type Boundary =
  /** After any clause boundary (，。；：、 …): inline markers 一是, 第一, （一）. */
  | 'clause'
  /** After a sentence end only: headings 一、 (十四、五岁 is no heading). */
  | 'sentence'
  /** After a clause boundary that is not itself a list separator (so 3.5 and 1、2、 inside a number are not markers). */
  | 'clauseNotList';

/**
 * One marker form: a row of the table. To add a form, add a row and its cases
 * to tests/unit/analysis/directives.test.ts. A marker is `open`, then its
 * number (or word) `n`, then `close` (each a regex source without capturing
 * groups). At any place at most one row matches (their texts differ), so the
 * rows' order does not matter.
 */
interface MarkerForm {
  /** Nesting level (see DetectedItem.rank). */
  rank: number;
  /** What stands before the number (（ of （一）), regex source. */
  open: string;
  /** The number (or word) that orders the series, regex source. */
  n: string;
  /** What follows the number (是 of 一是), regex source. */
  close: string;
  /** The number in the series of what `n` matched; NaN refuses the match, Infinity closes any series of two or more (最后). */
  value: (n: string) => number;
  /** Where the marker may stand. */
  boundary: Boundary;
  /** Largest distance from one item to the next of one series (Infinity: headings, whose sections may be long). */
  maxGap: number;
}

/**
 * Largest distance from one item of an inline series to the next: a 二是 this
 * far after 一是 belongs to another passage.
 */
const INLINE_MAX_GAP = 4000;
/** 首先=1 其次=2 再次=3; 最后 closes a series of at least two. */
const SEQUENCE_VALUE: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3, 最后: Number.POSITIVE_INFINITY };

/** The marker forms of LABELING.md "directives", one row each. */
const FORMS = {
  aspect: { rank: 3, open: '', n: '另一方面|一方面', close: '', value: (n) => (n === '一方面' ? 1 : 2), boundary: 'clause', maxGap: INLINE_MAX_GAP },
  sequence: { rank: 3, open: '', n: '首先|其次|再次|最后', close: '(?=[，,：:])', value: (n) => SEQUENCE_VALUE[n] ?? Number.NaN, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  di: { rank: 3, open: '第', n: `${NUM}{1,3}`, close: '(?=[，,、：:]|是)', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  qi: { rank: 3, open: '其', n: NUM, close: '(?=[是，,：:、])', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  shi: { rank: 3, open: '', n: `${NUM}{1,3}`, close: `是(?!${NUM}[，,、。；;])`, value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  yao: { rank: 3, open: '', n: `${NUM}{1,3}`, close: '要(?![求点素害件闻员])', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  heading: { rank: 1, open: '', n: `${NUM}{1,3}`, close: '、', value: markerNumber, boundary: 'sentence', maxGap: Number.POSITIVE_INFINITY },
  paren: { rank: 2, open: '[（(]', n: `${NUM}{1,3}`, close: '[）)]', value: markerNumber, boundary: 'clause', maxGap: Number.POSITIVE_INFINITY },
  parenDigit: { rank: 5, open: '[（(]', n: '\\d{1,2}', close: '[）)]', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  digitDot: { rank: 4, open: '', n: '\\d{1,2}', close: `[.．]${DIGIT_ITEM}`, value: markerNumber, boundary: 'clauseNotList', maxGap: INLINE_MAX_GAP },
  digitComma: { rank: 4, open: '', n: '\\d{1,2}', close: `、${DIGIT_ITEM}`, value: markerNumber, boundary: 'clauseNotList', maxGap: INLINE_MAX_GAP },
  circled: { rank: 6, open: '', n: '[\\u2460-\\u2473]', close: '', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
} as const satisfies Record<string, MarkerForm>;

type FormName = keyof typeof FORMS;
const FORM_NAMES = Object.keys(FORMS) as FormName[];

/** Where a match of MARKER holds a row's number, and which row: by capture group index. */
interface MarkerGroup {
  /** Group holding the number. */
  n: number;
  /** The rows that share the number pattern, each with the group of its `close` (-1: the only row, no group needed). */
  rows: { form: FormName; close: number }[];
}

/**
 * Every row in one alternation (one native pass over the text). Rows with the
 * same `open` and `n` (一是/一要/一、; 1./1、) are read as one alternative,
 * `open(n)(?:(close1)|(close2)…)`: V8 tries a long alternation of rows that
 * begin alike at every numeral of the text, and the shared reading halves the
 * scan (0.084 → 0.042 ms on the 20,000-character article). It finds the same
 * markers: each `close` begins with a character the number cannot contain, so
 * the greedy number is read to its end either way. Numbered groups, not named
 * ones: a named group costs V8 a `groups` object per match.
 */
function markerScan(): { pattern: RegExp; groups: MarkerGroup[] } {
  const alternatives = new Map<string, { open: string; n: string; rows: { form: FormName; close: string }[] }>();
  for (const form of FORM_NAMES) {
    const { open, n, close } = FORMS[form];
    const key = `${open}\u0000${n}`;
    const alternative = alternatives.get(key) ?? { open, n, rows: [] };
    alternatives.set(key, alternative);
    alternative.rows.push({ form, close });
  }
  const groups: MarkerGroup[] = [];
  let count = 0;
  const sources = [...alternatives.values()].map(({ open, n, rows }) => {
    const group: MarkerGroup = { n: ++count, rows: [] };
    groups.push(group);
    if (rows.length === 1) {
      group.rows.push({ form: rows[0]!.form, close: -1 });
      return `${open}(${n})${rows[0]!.close}`;
    }
    const closes = rows.map((row) => {
      group.rows.push({ form: row.form, close: ++count });
      return `(${row.close})`;
    });
    return `${open}(${n})(?:${closes.join('|')})`;
  });
  return { pattern: new RegExp(sources.join('|'), 'g'), groups };
}

const { pattern: MARKER, groups: MARKER_GROUPS } = markerScan();

/**
 * Forms whose first item may stand right after a word (重点一是…，二是…; 各级干部一要…，二要…;
 * 这项政策一方面…，另一方面…): kept only when the second item follows at a clause
 * boundary, so 统一是/唯一是/统一要求 alone stay words.
 */
const LOOSE_FIRST: ReadonlySet<FormName> = new Set<FormName>(['shi', 'yao', 'aspect']);

/** Characters after which an inline marker may open a clause. */
const CLAUSE_BOUNDARY = new Set([...'，,。.；;：:！!？?、（(“"‘「*#>—-–·•【】']);
/** Characters after which a heading marker (一、) may stand: only a sentence end, besides a line start. */
const SENTENCE_BOUNDARY = new Set([...'。！!？?*#>']);
/** Separators between a marker and its item's text (第一，坚持… → the text starts at 坚持). */
const AFTER_MARKER = new Set([...'，,：:、．. ']);
/**
 * Longest span we mark for one item when no sentence end comes (text without
 * punctuation): long enough for a real first sentence, and it bounds the work per item.
 */
const MAX_ITEM_CHARS = 160;

/** A marker found in the text, before series are formed. */
interface Candidate {
  form: FormName;
  /** Its number in the series; Infinity for 最后 (closes any series of two or more). */
  value: number;
  start: number;
  /** Offset just past the marker. */
  markerEnd: number;
}

/** Reads one regex match into a candidate of its form, or null when the match is not a marker here. */
function toCandidate(m: RegExpExecArray): Candidate | null {
  for (const group of MARKER_GROUPS) {
    const n = m[group.n];
    if (n === undefined) continue;
    let form = group.rows[0]!.form;
    for (const row of group.rows) if (row.close > 0 && m[row.close] !== undefined) form = row.form;
    const value = FORMS[form].value(n);
    return Number.isNaN(value) ? null : { form, value, start: m.index, markerEnd: m.index + m[0].length };
  }
  return null;
}

/**
 * The character before `offset`: '' at the start of the text, '\n' after a
 * line break or any white space (in text without punctuation a space is
 * the only clause boundary there is).
 */
function previousChar(text: string, offset: number): string {
  if (offset === 0) return '';
  return isSpace(text.charCodeAt(offset - 1)) ? '\n' : text.charAt(offset - 1);
}

/** Whether a candidate stands where a marker of its form may stand. */
function standsAtBoundary(text: string, c: Candidate): boolean {
  const before = previousChar(text, c.start);
  if (before === '' || before === '\n') return true;
  const boundary: Boundary = FORMS[c.form].boundary;
  if (boundary === 'sentence') return SENTENCE_BOUNDARY.has(before);
  if (boundary === 'clauseNotList') return CLAUSE_BOUNDARY.has(before) && before !== '.' && before !== '、';
  return CLAUSE_BOUNDARY.has(before);
}

/** Chains one form's candidates (in text order) into series of consecutive numbers. */
function chainSeries(candidates: readonly Candidate[], form: FormName): Candidate[][] {
  const maxGap = FORMS[form].maxGap;
  const series: Candidate[][] = [];
  let current: Candidate[] = [];
  const flush = (): void => {
    if (current.length >= 2) series.push(current);
    current = [];
  };
  for (const c of candidates) {
    const last = current[current.length - 1];
    if (c.value === 1) {
      flush();
      current.push(c);
    } else if (last && c.start - last.start <= maxGap && (c.value === last.value + 1 || (c.value === Number.POSITIVE_INFINITY && current.length >= 2))) {
      current.push(c);
      if (c.value === Number.POSITIVE_INFINITY) flush();
    } else if (last && c.start - last.start > maxGap) {
      flush();
    }
  }
  flush();
  return series;
}

/**
 * The stretch of an item's first sentence: up to MAX_ITEM_CHARS characters
 * that do not end a sentence (。！？；). Sticky, read from the item's
 * body: native code from the first call, where a character loop would be
 * interpreted on a freshly loaded page.
 */
const FIRST_SENTENCE = new RegExp(`[^。！!？?；;]{0,${MAX_ITEM_CHARS}}`, 'y');

/** End of an item's marked span: its first sentence, cut at the next item, the paragraph end or a cap. */
function itemEnd(text: string, bodyStart: number, limit: number): number {
  const stop = Math.min(limit, bodyStart + MAX_ITEM_CHARS);
  FIRST_SENTENCE.lastIndex = bodyStart;
  const sentenceEnd = bodyStart + FIRST_SENTENCE.exec(text)![0].length;
  if (sentenceEnd < stop) return sentenceEnd + 1;
  let end = stop;
  while (end > bodyStart && (isSpace(text.charCodeAt(end - 1)) || AFTER_MARKER.has(text.charAt(end - 1)))) end--;
  return end;
}

/** Finds the directives of a text, in series. */
export function findDirectives(src: Source): DetectedItem[] {
  const { folded: text, original, paras } = src;
  const byForm = new Map<FormName, Candidate[]>();
  MARKER.lastIndex = 0;
  /** The last off-boundary first item (一是 right after a noun) of a loose form, waiting for its 二. */
  let pending: Candidate | null = null;
  const add = (c: Candidate): void => {
    const list = byForm.get(c.form);
    if (list) list.push(c);
    else byForm.set(c.form, [c]);
  };
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    const c = toCandidate(m);
    if (!c) continue;
    if (!standsAtBoundary(text, c)) {
      if (c.value === 1 && LOOSE_FIRST.has(c.form)) pending = c;
      continue;
    }
    // A first item off a boundary (工作重点一是…, 这项政策一方面…) counts when the next item of its form follows at one.
    if (pending && pending.form === c.form && c.value === 2 && c.start - pending.start <= FORMS[c.form].maxGap) add(pending);
    if (pending && pending.form === c.form) pending = null;
    add(c);
  }
  const items: DetectedItem[] = [];
  let seriesId = 0;
  for (const [form, candidates] of byForm) {
    for (const series of chainSeries(candidates, form)) {
      series.forEach((c, i) => {
        let bodyStart = c.markerEnd;
        while (bodyStart < text.length && AFTER_MARKER.has(text.charAt(bodyStart))) bodyStart++;
        const para = paragraphAt(paras, c.start);
        const next = series[i + 1];
        const limit = Math.min(para ? para.end : text.length, next ? next.start : text.length);
        const end = itemEnd(text, bodyStart, limit);
        items.push({
          kind: 'directive',
          marker: original.slice(c.start, c.markerEnd),
          text: squeeze(original.slice(bodyStart, end)),
          start: c.start,
          end: Math.max(end, c.markerEnd),
          rank: FORMS[form].rank,
          series: seriesId,
        });
      });
      seriesId++;
    }
  }
  return items;
}
