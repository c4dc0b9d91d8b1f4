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
 * One marker form: a row of the table. To add a form, add a row (its pattern
 * with a named group `n` for the number as written) and its cases to
 * tests/unit/analysis/directives.test.ts. Rows are tried in table order at
 * each place, so a longer form comes before the shorter one it contains
 * (另一方面 before 一方面 before 一是).
 */
interface MarkerForm {
  /** Nesting level (see DetectedItem.rank). */
  rank: number;
  /** Regex source; the named group `n` holds the number (or word) that orders the series. */
  pattern: string;
  /** The number in the series of what `n` captured; NaN refuses the match, Infinity closes any series of two or more (最后). */
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

/** The marker forms of LABELING.md "directives", one row each, in the order they are tried. */
const FORMS = {
  aspect: { rank: 3, pattern: '(?<n>另一方面|一方面)', value: (n) => (n === '一方面' ? 1 : 2), boundary: 'clause', maxGap: INLINE_MAX_GAP },
  sequence: { rank: 3, pattern: '(?<n>首先|其次|再次|最后)(?=[，,：:])', value: (n) => SEQUENCE_VALUE[n] ?? Number.NaN, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  di: { rank: 3, pattern: `第(?<n>${NUM}{1,3})(?=[，,、：:]|是)`, value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  qi: { rank: 3, pattern: `其(?<n>${NUM})(?=[是，,：:、])`, value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  shi: { rank: 3, pattern: `(?<n>${NUM}{1,3})是`, value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  yao: { rank: 3, pattern: `(?<n>${NUM}{1,3})要`, value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  heading: { rank: 1, pattern: `(?<n>${NUM}{1,3})、`, value: markerNumber, boundary: 'sentence', maxGap: Number.POSITIVE_INFINITY },
  paren: { rank: 2, pattern: `[（(](?<n>${NUM}{1,3})[）)]`, value: markerNumber, boundary: 'clause', maxGap: Number.POSITIVE_INFINITY },
  parenDigit: { rank: 5, pattern: '[（(](?<n>\\d{1,2})[）)]', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
  digitDot: { rank: 4, pattern: `(?<n>\\d{1,2})[.．]${DIGIT_ITEM}`, value: markerNumber, boundary: 'clauseNotList', maxGap: INLINE_MAX_GAP },
  digitComma: { rank: 4, pattern: `(?<n>\\d{1,2})、${DIGIT_ITEM}`, value: markerNumber, boundary: 'clauseNotList', maxGap: INLINE_MAX_GAP },
  circled: { rank: 6, pattern: '(?<n>[\\u2460-\\u2473])', value: markerNumber, boundary: 'clause', maxGap: INLINE_MAX_GAP },
} as const satisfies Record<string, MarkerForm>;

type FormName = keyof typeof FORMS;
const FORM_NAMES = Object.keys(FORMS) as FormName[];

/**
 * Every row in one alternation (one native pass over the text). Each row's
 * groups are renamed after the row (`n` → `shi_n`), and the row as a whole is
 * the group named after it, so a match tells its form by the group that took part.
 */
const MARKER = new RegExp(
  FORM_NAMES.map((name) => `(?<${name}>${FORMS[name].pattern.replace(/\(\?<(\w+)>/g, `(?<${name}_$1>`)})`).join('|'),
  'g',
);

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
  const groups = m.groups!;
  for (const form of FORM_NAMES) {
    if (groups[form] === undefined) continue;
    const value = FORMS[form].value(groups[`${form}_n`]!);
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
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    const c = toCandidate(m);
    if (!c || !standsAtBoundary(text, c)) continue;
    const list = byForm.get(c.form);
    if (list) list.push(c);
    else byForm.set(c.form, [c]);
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
