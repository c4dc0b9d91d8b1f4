import { describe, expect, test } from 'vitest';
import { facetName, hostOfKey, MAX_TIME, noteFacets, postingKey, postingRange, timeKey, timeOfKey } from '@/lib/search';

const NOTE = { articleKey: 'www.gov.cn/zhengce/a.htm', color: 'green', note: '', tags: ['三会一课'], deletedAt: null, unplacedAt: null };

describe('time keys', () => {
  test.each([0, 1, 1_000, Date.UTC(2026, 10, 28), MAX_TIME])('%i round-trips', (time) => {
    expect(timeOfKey(timeKey(time))).toBe(time);
  });
  test('newer times sort first', () => {
    const times = [5, Date.UTC(2024, 0, 1), 999, Date.UTC(2026, 0, 1), 0];
    const byKey = [...times].sort((a, b) => (timeKey(a) < timeKey(b) ? -1 : 1));
    expect(byKey).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('posting ranges', () => {
  const inRange = (key: string, r: { lower: string; upper: string }): boolean => key >= r.lower && key <= r.upper;
  test.each([
    // name, note time, from, to, in range
    ['基层', 2_000, undefined, undefined, true],
    ['基层', 2_000, 2_000, 3_000, true],
    ['基层', 3_000, 2_000, 3_000, false],
    ['基层', 1_999, 2_000, 3_000, false],
  ])('%s at %i within [%s, %s): %s', (name, time, from, to, expected) => {
    expect(inRange(postingKey(name, time), postingRange(name, from, to))).toBe(expected);
  });
  test.each([
    ['基层', '基层党'],
    ['三会', '三会一课'],
  ])('the range of %s holds no key of %s', (name, longer) => {
    expect(inRange(postingKey(longer, 1_000), postingRange(name))).toBe(false);
  });
});

describe('facets', () => {
  test.each([
    ['a highlight', NOTE, ['live', 'color', 'site', 'highlight', 'tag']],
    ['a note, unplaced', { ...NOTE, note: '要落实', tags: [], unplacedAt: 5 }, ['live', 'color', 'site', 'note', 'unplaced']],
    ['a deleted note', { ...NOTE, deletedAt: 5 }, []],
  ])('%s', (_, note, kinds) => {
    expect(noteFacets(note).map((f) => f.kind)).toEqual(kinds);
  });
  test('a facet never reads as a search term, and the site is the host of the article key', () => {
    expect(facetName({ kind: 'tag', value: '基层' })).not.toBe('基层');
    expect(hostOfKey(NOTE.articleKey)).toBe('www.gov.cn');
    expect(noteFacets(NOTE)).toContainEqual({ kind: 'site', value: 'www.gov.cn' });
  });
});
