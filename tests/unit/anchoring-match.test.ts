/**
 * The matcher on real Chinese policy text (the seed article): repeats,
 * near-repeats, edits, and quotes that must not be placed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fold, foldText } from '@/lib/anchoring/fold';
import { matchAll, matchAnchor, similarity, type MatchMethod } from '@/lib/anchoring/match';
import { describeSpan } from '@/lib/anchoring/quote';
import type { TextAnchor } from '@/lib/model/selectors';

/** Where matchAnchor (what the reader script re-attaches with) places `anchor` in `text`, as a position. */
function locateAnchor(text: string, anchor: Parameters<typeof matchAnchor>[1]): { start: number; end: number } | null {
  const found = matchAnchor(text, anchor);
  return found && { start: found.start, end: found.end };
}

const SEED = readFileSync('tests/fixtures/text/seed-shijingshan-chuangxian.txt', 'utf8');

/** The anchor of the `nth` occurrence (0-based) of `quote` in `text`. */
function anchorOf(text: string, quote: string, nth = 0): TextAnchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`not in text: ${quote}`);
  return describeSpan(text, at, at + quote.length);
}

/** Offset of the `nth` occurrence of `needle`. */
function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return at;
}

const INSERTED = '编者按：本文原载于区委组织部内刊，转载时略有改动。\n\n';
const LEAD_1 = '要把围绕中心、服务大局摆在更加突出的位置。';
const LEAD_2 = '要把抓好基层、打好基础摆在更加突出的位置';

describe('fold', () => {
  test('drops white space and widens ASCII punctuation, keeping the way back', () => {
    const raw = '坚持 统筹协调,\n持续推进';
    const folded = foldText(raw);
    expect(folded.text).toBe('坚持统筹协调，持续推进');
    expect(raw[folded.origin[6]!]).toBe(',');
    expect(folded.before[raw.length]).toBe(folded.text.length);
    expect(fold(' 一是, 二是 ')).toBe('一是，二是');
  });
});

describe('similarity', () => {
  test.each([
    ['同一句话', '同一句话', 1],
    ['组织创先进', '组织创先近', 0.8],
    ['服务大局', '', 0],
    ['', '任何', 1],
  ])('%s ~ %s = %d', (a, b, value) => {
    expect(similarity(a, b)).toBeCloseTo(value);
  });
});

/** [case, quote saved on the seed, nth occurrence, changed text, expected matched text, method]. */
const SHOULD_MATCH: [string, string, number, string, string, MatchMethod][] = [
  ['unchanged page', '创先争优活动只有与经济社会发展紧密结合', 0, SEED, '创先争优活动只有与经济社会发展紧密结合', 'position'],
  ['a paragraph inserted before', '找准创先争优活动的切入点', 0, INSERTED + SEED, '找准创先争优活动的切入点', 'exact'],
  [
    'paragraphs re-wrapped (white space inside the quote)',
    '创先争优活动只有与经济社会发展紧密结合',
    0,
    SEED.replace('经济社会发展紧密结合', '经济社会\n    发展紧密结合'),
    '创先争优活动只有与经济社会\n    发展紧密结合',
    'exact',
  ],
  [
    'ASCII commas replaced by full-width ones',
    '坚持统筹协调、持续推进、立足实际、创新载体,开展了大量活动',
    0,
    SEED.replaceAll(',', '，'),
    '坚持统筹协调、持续推进、立足实际、创新载体，开展了大量活动',
    'exact',
  ],
  ['the second of two repeats (五好), after an insertion', '五好', 1, INSERTED + SEED, '五好', 'exact'],
  ['the first of two repeats (五好), after an insertion', '五好', 0, INSERTED + SEED, '五好', 'exact'],
  ['a short quote whose old place now holds other text', '二是', 2, SEED.replace('三是要立足自身实际', '三是要立足自身实际，'), '二是', 'exact'],
  ['a near-repeat lead among four, after an insertion', LEAD_2, 0, INSERTED + SEED, LEAD_2, 'exact'],
  [
    'a typo fixed inside the quote (的的 → 的)',
    '要进一步强化加强基层组织建设的的要求',
    0,
    SEED.replace('建设的的要求', '建设的要求'),
    '要进一步强化加强基层组织建设的要求',
    'fuzzy',
  ],
  [
    'a word corrected (科路 → 思路) after a paragraph was inserted',
    '进一步探索党务公开、政务公开、事务公开、居务公开的科路',
    0,
    INSERTED + SEED.replace('的科路', '的思路'),
    '进一步探索党务公开、政务公开、事务公开、居务公开的思路',
    'fuzzy',
  ],
];

describe('matchAnchor places quotes that are still there', () => {
  test.each(SHOULD_MATCH)('%s', (_case, quote, nth, changed, expected, method) => {
    const anchor = anchorOf(SEED, quote, nth);
    const found = matchAnchor(changed, anchor);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe(expected);
    expect(found!.method).toBe(method);
  });

  test('chooses the right one of two repeats by its context, not the first', () => {
    const changed = INSERTED + SEED;
    const found = matchAnchor(changed, anchorOf(SEED, '五好', 1))!;
    expect(found.start).toBe(nthIndex(changed, '五好', 1));
  });

  test('among repeats with the same context, the one nearest the old position wins', () => {
    const sentence = '坚持党的领导，抓落实。';
    const text = `${sentence}${sentence}${sentence}`;
    const anchor = describeSpan(text, sentence.length, sentence.length + 6);
    anchor.quote.prefix = '';
    anchor.quote.suffix = '';
    // The old start was 11; three characters came before it, so the second sentence (now at 14) is nearest.
    expect(matchAnchor(`前言。${text}`, anchor)!.start).toBe(sentence.length + 3);
  });
});

/** [case, quote saved on the seed, nth occurrence, changed text]. */
const MUST_NOT_MATCH: [string, string, number, string][] = [
  ['a deleted lead must not land on one of the three look-alike leads', LEAD_1, 0, SEED.replace(LEAD_1, '')],
  ['a deleted 一是 item must not land on another 一是 item', '一是要加强组织覆盖', 0, SEED.replace('一是要加强组织覆盖。', '')],
  [
    'a short repeat whose sentence was rewritten must not jump to the other repeat',
    '五好',
    0,
    SEED.replace('切实用好“五好”基层党组织、党员承诺等活动载体', '认真落实各项党建制度和工作要求'),
  ],
  [
    'a sentence rewritten by more than a fifth',
    '尤其要抓好党员承诺活动',
    0,
    SEED.replace('尤其要抓好党员承诺活动', '特别要做好党员公开承诺工作'),
  ],
  ['a quote from another article', '创先争优活动只有与经济社会发展紧密结合', 0, '国务院关于进一步优化营商环境的意见。各地区各部门要深化放管服改革。'],
  ['an empty text', '二是要丰富实践载体', 0, ''],
];

describe('matchAnchor leaves unplaced what is gone (a wrong place is worse than none)', () => {
  test.each(MUST_NOT_MATCH)('%s', (_case, quote, nth, changed) => {
    expect(matchAnchor(changed, anchorOf(SEED, quote, nth))).toBeNull();
  });

  test('locateAnchor says the same', () => {
    const [, quote, nth, changed] = MUST_NOT_MATCH[0]!;
    expect(locateAnchor(changed, anchorOf(SEED, quote, nth))).toBeNull();
  });
});

describe('matchAll', () => {
  test('places many anchors at once, null for the gone ones', () => {
    const changed = INSERTED + SEED.replace(LEAD_1, '');
    const anchors = [anchorOf(SEED, LEAD_1), anchorOf(SEED, LEAD_2), anchorOf(SEED, '五好', 1)];
    const found = matchAll(changed, anchors);
    expect(found[0]).toBeNull();
    expect(changed.slice(found[1]!.start, found[1]!.end)).toBe(LEAD_2);
    expect(found[2]!.start).toBe(nthIndex(changed, '五好', 1));
  });
});
