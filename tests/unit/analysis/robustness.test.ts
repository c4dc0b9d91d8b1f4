/** Text handling and hostile input: folding, page breaks, no punctuation, random strings. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { fold, paragraphs } from '../../../lib/analysis/normalize';
import { directiveKeys } from './helpers';

describe('normalize', () => {
  test('fold keeps the length and folds full-width letters, digits, ideographic space and Traditional characters', () => {
    const text = '１２ＡＢ\u3000黨的領導，堅持';
    const folded = fold(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('12AB 党的领导，坚持');
  });

  test('a long Traditional text is folded too (it holds the commonest Traditional characters)', () => {
    const text = '我們要堅持黨的領導，加強組織建設。'.repeat(400);
    expect(text.length).toBeGreaterThan(4000);
    expect(fold(text)).toBe('我们要坚持党的领导，加强组织建设。'.repeat(400));
  });

  test('fold returns the same string when nothing folds', () => {
    const text = '要把围绕中心、服务大局摆在更加突出的位置。';
    expect(fold(text)).toBe(text);
  });

  test('a long line cut by a page break joins the next; a short heading does not', () => {
    const prose = '自觉谋划和落实中央、市委、区委的战略部署对本地';
    const text = `一、基本情况\n${prose}${prose}\n\n\n\n区、本部门赋予的工作任务。\n下一段。`;
    const paras = paragraphs(text).map((p) => text.slice(p.start, p.end));
    expect(paras).toHaveLength(3);
    expect(paras[0]).toBe('一、基本情况');
    expect(paras[1]).toContain('对本地\n\n\n\n区');
  });
});

describe('robust text', () => {
  test.each([
    ['ASCII punctuation', '工作有两项:一是加强领导;二是完善机制;三是狠抓落实.'],
    ['stray spaces around markers', '工作有两项。  一是加强领导。 \u3000二是完善机制。三是狠抓落实。'],
    ['Traditional characters', '工作有兩項。一是加強領導。二是完善機制。三是狠抓落實。'],
    ['no punctuation at all', '工作有三项 一是加强领导 二是完善机制 三是狠抓落实'],
  ])('%s: the 一是…三是 series is found', (_name, text) => {
    expect(directiveKeys(text).map((k) => k.slice(0, 2))).toEqual(['一是', '二是', '三是']);
  });

  test('a paragraph with no punctuation caps each item instead of running to the end', () => {
    const filler = '推进工作'.repeat(200);
    const { items } = analyze({ text: `一是${filler}二是${filler}`, force: true });
    expect(items.filter((i) => i.kind === 'directive').every((i) => i.end - i.start <= 200)).toBe(true);
  });
});

/** A small deterministic generator (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['一是', '二是', '第一', '，', '。', '、', '“', '”', '（一）', '1.', '①', '要把', '\n', '\n\n', ' ', '党', '四个', '全面', '首先，', '其次，', '十二五', '——', '**', '\uD800', '𠀀', 'a'];

describe('hostile input never throws and never hangs', () => {
  test('random strings built from markers, quotes and punctuation: offsets stay inside the text', () => {
    const next = random(20240601);
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(next() * 400);
      let text = '';
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const result = analyze({ text, force: true });
      for (const item of result.items) {
        expect(item.start).toBeGreaterThanOrEqual(0);
        expect(item.end).toBeLessThanOrEqual(text.length);
        expect(item.end).toBeGreaterThanOrEqual(item.start);
      }
    }
  });

  test.each([
    ['10^6 repeated markers', '一是'.repeat(500_000)],
    ['unbalanced quotes', '“'.repeat(300_000) + '十二五' + '”'.repeat(10)],
    ['one huge enumeration', '听民意、'.repeat(200_000)],
    ['one huge line of clauses', '一种肯定，'.repeat(200_000)],
  ])('%s finishes in well under a second', (_name, text) => {
    const t0 = performance.now();
    expect(() => analyze({ text, force: true })).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  test('empty and white-space-only text', () => {
    expect(analyze({ text: '' })).toMatchObject({ isPolicy: false, items: [] });
    expect(analyze({ text: ' \n\n\t' }).items).toEqual([]);
  });
});
