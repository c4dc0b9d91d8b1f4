/**
 * The seed article end to end: its gold labels (a copy of the corpus's
 * seed-shijingshan-chuangxian.gold.json) fully checked with the corpus
 * scorer's rules, the outline, and the offsets of every item.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { scoreFile } from '../../../lib/analysis/score';
import type { Gold } from '../../../lib/analysis/score';

const text = readFileSync(new URL('./fixtures/seed.txt', import.meta.url), 'utf8');
const gold = JSON.parse(readFileSync(new URL('./fixtures/seed.gold.json', import.meta.url), 'utf8')) as Gold;
const analysis = analyze({ text });

describe('the seed article', () => {
  test('is policy, with its title from the first line', () => {
    expect(analysis.isPolicy).toBe(true);
    expect(analysis.score).toBeGreaterThan(0.9);
    expect(analysis.title).toBe('紧抓工作重点 突出实践特色');
  });

  test('every labelled directive, lead and slogan is found, and nothing else of those kinds', () => {
    const score = scoreFile(gold, analysis, text);
    for (const kind of ['directive', 'lead', 'slogan'] as const) {
      expect(score.kinds[kind].misses, kind).toEqual([]);
      expect(score.kinds[kind].extras, kind).toEqual([]);
    }
  });

  test('parallel series: all labelled ones but one two-character list are found', () => {
    const score = scoreFile(gold, analysis, text);
    expect(score.kinds.parallel.misses).toEqual(['培育、挖掘、推广']);
  });

  test('第一责任人 is not a marker', () => {
    expect(analysis.items.some((i) => i.kind === 'directive' && i.marker?.startsWith('第一'))).toBe(false);
  });

  test('the outline: four leads, their directives under them, and the counts', () => {
    const { outline, items } = analysis;
    expect(outline.counts).toBe('4个方面 · 14项举措 · 10个提法');
    expect(outline.nodes.map((n) => items[n.item]!.kind)).toEqual(['lead', 'lead', 'lead', 'lead']);
    expect(outline.nodes.map((n) => n.children.map((c) => items[c.item]!.marker))).toEqual([
      ['一是', '二是', '三是'],
      ['其一', '其二', '一是', '二是', '三是', '四是', '五是'],
      ['一是', '二是', '三是', '四是'],
      [],
    ]);
  });

  test('a page break inside a sentence does not cut the item: 三是…对本地|区 reads as one', () => {
    const third = analysis.items.find((i) => i.kind === 'directive' && i.text.startsWith('要立足自身实际'))!;
    expect(text.slice(third.start, third.end)).toContain('\n');
    expect(third.text).toContain('对本地区');
  });

  test('offsets round-trip: each span holds its marker and its text (white space aside)', () => {
    for (const item of analysis.items) {
      const span = text.slice(item.start, item.end).replace(/\s+/g, '');
      expect(span.startsWith(item.marker ?? '')).toBe(true);
      expect(span.endsWith(item.text.replace(/\s+/g, ''))).toBe(true);
    }
  });

  test('items are sorted by start and numbered by position', () => {
    analysis.items.forEach((item, i) => {
      expect(item.id).toBe(i);
      if (i > 0) expect(item.start).toBeGreaterThanOrEqual(analysis.items[i - 1]!.start);
    });
  });
});
