import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fieldScore, matchRanges, matches, normalizeForSearch, searchText, splitByRanges } from '@/lib/search';

const NOTES = {
  party: '要健全基层党组织领导的治理机制',
  split: '基层 党\n组织建设', // re-wrapped on the page
  traditional: '加強基層黨組織建設',
  onlyChars: '基础工作要落实到层层责任',
  other: '各部门要坚持人民至上',
};

const FOLDINGS: Record<string, string> = {
  'ＡＢＣ１２３': 'abc123',
  '基層黨組織': '基层党组织',
  '基层 党\n组织': '基层党组织',
  'Hello World': 'helloworld',
  '①': '1',
};

test.each(Object.entries(FOLDINGS))('normalizeForSearch(%j) is %j', (input, expected) => {
  expect(normalizeForSearch(input)).toBe(expected);
});

describe('matching', () => {
  const query = normalizeForSearch('基层党组织');
  test.each(Object.entries(NOTES).filter(([k]) => ['party', 'split', 'traditional'].includes(k)))('should match: %s', (_, text) => {
    expect(matches(text, query)).toBe(true);
  });
  test.each(Object.entries(NOTES).filter(([k]) => ['onlyChars', 'other'].includes(k)))('should not match: %s', (_, text) => {
    expect(matches(text, query)).toBe(false);
  });

  test('ranges point into the original text, across white space', () => {
    expect(matchRanges(NOTES.split, query)).toEqual([{ start: 0, end: 7 }]);
    expect(matchRanges('一是基层，二是基层', normalizeForSearch('基层'))).toEqual([
      { start: 2, end: 4 },
      { start: 7, end: 9 },
    ]);
    expect(matchRanges(NOTES.other, query)).toEqual([]);
  });

  test('pieces for rendering cover the whole text', () => {
    const text = '一是基层，二是基层';
    const pieces = splitByRanges(text, matchRanges(text, normalizeForSearch('基层')));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['基层', '基层']);
  });

  test.each([
    ['tags', '基层', '基层', 8],
    ['note', '基层工作', '基层', 3],
    ['quote', '基层基层基层基层', '基层', 6],
    ['title', '无关', '基层', 0],
  ] as const)('score of %s %s', (field, text, q, expected) => {
    expect(fieldScore(field, text, normalizeForSearch(q))).toBe(expected);
  });
});

test('normalizeForSearch (with its fast path) folds exactly as searchText', () => {
  const pieces = ['基层', '黨組織', 'ＡＢＣ', 'Abc', ' ', '\n', '，', '“五好”', '①', '…', '　', 'ﬁ', '𠀀', '责'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(normalizeForSearch(text)).toBe(searchText(text).text);
    }),
    { numRuns: 500 },
  );
});
