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

/**
 * Every marker form in one alternation (one pass over the text). Group order:
 * 1 一方面/另一方面, 2 首先…最后, 3 第N, 4 其N, 5+6 N是/N要, 7 N、, 8 （N）, 9 （1）, 10+11 1. 1、, 12 ①.
 */
const MARKER = new RegExp(
  [
    '(另一方面|一方面)',
    '(首先|其次|再次|最后)(?=[，,：:])',
    `第(${NUM}{1,3})(?=[，,、：:]|是)`,
    `其(${NUM})(?=[是，,：:、])`,
    `(${NUM}{1,3})([是要])`,
    `(${NUM}{1,3})、`,
    `[（(](${NUM}{1,3})[）)]`,
    '[（(](\\d{1,2})[）)]',
    '(\\d{1,2})([.．、])(?=[^\\d\\s.．a-zA-Z%])',
    '([\\u2460-\\u2473])',
  ].join('|'),
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
/**
 * Largest distance from one item of an inline series to the next: a 二是 this
 * far after 一是 belongs to another passage. Headings (一、, （一）) have no limit:
 * their sections may be long.
 */
const INLINE_MAX_GAP = 4000;
/** 首先=1 其次=2 再次=3; 最后 closes a series of at least two. */
const SEQUENCE_VALUE: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3 };

/** A marker form: its nesting rank and whether its items may only open a paragraph or sentence. */
interface Form {
  /** Nesting level (see DetectedItem.rank). */
  rank: number;
  /** Headings stand at a paragraph or sentence start; inline markers after any clause boundary. */
  heading: boolean;
}

const FORMS = {
  aspect: { rank: 3, heading: false },
  sequence: { rank: 3, heading: false },
  di: { rank: 3, heading: false },
  qi: { rank: 3, heading: false },
  shi: { rank: 3, heading: false },
  yao: { rank: 3, heading: false },
  heading: { rank: 1, heading: true },
  paren: { rank: 2, heading: false },
  parenDigit: { rank: 5, heading: false },
  digitDot: { rank: 4, heading: false },
  digitComma: { rank: 4, heading: false },
  circled: { rank: 6, heading: false },
} as const satisfies Record<string, Form>;

type FormName = keyof typeof FORMS;

/** A marker found in the text, before series are formed. */
interface Candidate {
  form: FormName;
  /** Its number in the series; Infinity for 最后 (closes any series of two or more). */
  value: number;
  start: number;
  /** Offset just past the marker. */
  markerEnd: number;
}

function candidate(form: FormName, value: number, m: RegExpExecArray): Candidate | null {
  return Number.isNaN(value) ? null : { form, value, start: m.index, markerEnd: m.index + m[0].length };
}

/** Reads one regex match into a candidate of its form, or null when the match is not a marker here. */
function toCandidate(m: RegExpExecArray): Candidate | null {
  if (m[1]) return candidate('aspect', m[1] === '一方面' ? 1 : 2, m);
  if (m[2]) return candidate('sequence', m[2] === '最后' ? Number.POSITIVE_INFINITY : SEQUENCE_VALUE[m[2]]!, m);
  if (m[3]) return candidate('di', markerNumber(m[3]), m);
  if (m[4]) return candidate('qi', markerNumber(m[4]), m);
  if (m[5]) return candidate(m[6] === '是' ? 'shi' : 'yao', markerNumber(m[5]), m);
  if (m[7]) return candidate('heading', markerNumber(m[7]), m);
  if (m[8]) return candidate('paren', markerNumber(m[8]), m);
  if (m[9]) return candidate('parenDigit', markerNumber(m[9]), m);
  if (m[10]) return candidate(m[11] === '、' ? 'digitComma' : 'digitDot', markerNumber(m[10]), m);
  return candidate('circled', markerNumber(m[12]!), m);
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
  if (FORMS[c.form].heading) return SENTENCE_BOUNDARY.has(before);
  if (c.form === 'digitDot' || c.form === 'digitComma') {
    return CLAUSE_BOUNDARY.has(before) && before !== '.' && before !== '、';
  }
  return CLAUSE_BOUNDARY.has(before);
}

/** Chains one form's candidates (in text order) into series of consecutive numbers. */
function chainSeries(candidates: readonly Candidate[], form: FormName): Candidate[][] {
  const maxGap = FORMS[form].heading || form === 'paren' ? Number.POSITIVE_INFINITY : INLINE_MAX_GAP;
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
