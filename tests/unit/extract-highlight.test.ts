// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { extractArticle, TextMap } from '@/lib/extract';
import { wrapSpan } from '@/lib/highlight';
import { unwrapMarks } from '@/lib/highlight/unwrap';

const PARAGRAPHS = [
  '要把围绕中心、服务大局摆在更加突出的位置。创先争优活动只有与经济社会发展紧密结合，才能始终保持正确方向。',
  '一是要认真学习领会中央精神，在创先争优活动中掀起学习理论的新热潮；二是要扎实开展调查研究，进一步研究基层实际。',
  '要把抓好基层、打好基础摆在更加突出的位置。三是要立足自身实际谋划具体工作，找准落实上级精神的着力点和切入点。',
];

function articlePage(): string {
  return `<div class="nav"><a href="/">首页</a> <a href="/">党建</a></div>
    <div id="main"><h1>紧抓工作重点</h1><div class="content">
      ${PARAGRAPHS.map((p) => `<p>${p.replace('认真学习', '<b>认真\n学习</b>')}</p>`).join('\n      ')}
      <script>var ad = "一是广告";</script>
    </div></div>
    <div class="footer">版权所有</div>`;
}

beforeEach(() => {
  document.head.innerHTML = '<title>紧抓工作重点--人民网</title>';
  document.body.innerHTML = articlePage();
});

describe('extractArticle', () => {
  test('finds the live article: paragraphs separated by line breaks, no scripts, no navigation', () => {
    const article = extractArticle(document)!;
    expect(article).not.toBeNull();
    expect(document.querySelector('#main')!.contains(article.root)).toBe(true);
    const paragraphs = article.text.split('\n').filter((line) => line.trim() !== '');
    expect(paragraphs.slice(-3)).toEqual(PARAGRAPHS.map((p) => p.replace('认真学习', '认真 学习')));
    expect(article.text).not.toContain('广告');
    expect(article.text).not.toContain('版权所有');
  });

  test('returns null for a page without an article', () => {
    document.body.innerHTML = '<ul><li><a href="/a">新闻一</a></li><li><a href="/b">新闻二</a></li></ul>';
    expect(extractArticle(document)).toBeNull();
  });
});

describe('TextMap and wrapSpan', () => {
  test('wraps a span across element boundaries without changing the text', () => {
    const root = document.querySelector('.content')!;
    const before = root.textContent;
    const map = new TextMap(root);
    const start = map.text.indexOf('一是');
    const end = map.text.indexOf('；二是');
    const marks = wrapSpan(map, start, end, { 'data-kind': 'directive', 'data-item': 'd1' });
    expect(marks.length).toBeGreaterThan(1);
    expect(marks.map((m) => m.textContent).join('')).toBe(map.text.slice(start, end).replace('认真 学习', '认真\n学习'));
    expect(root.textContent).toBe(before);
    expect(root.querySelector('b yd-mark')).not.toBeNull();
  });

  test('keeps its offsets after wrapping, so later spans land right', () => {
    const map = new TextMap(document.querySelector('.content')!);
    const text = map.text;
    const first = text.indexOf('二是');
    wrapSpan(map, first, first + 6, { 'data-kind': 'directive' });
    const second = text.indexOf('三是');
    const [mark] = wrapSpan(map, second, second + 6, { 'data-kind': 'directive' });
    expect(mark!.textContent).toBe('三是要立足自');
    expect(map.text).toBe(text);
  });

  test('maps a DOM range back to text offsets', () => {
    const map = new TextMap(document.querySelector('.content')!);
    const node = document.querySelector('.content p:nth-of-type(2)')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 2);
    const offsets = map.offsetsOfRange(range)!;
    expect(map.text.slice(offsets.start, offsets.end)).toBe('一是');
    const outside = document.createRange();
    outside.selectNodeContents(document.querySelector('.footer')!);
    expect(map.offsetsOfRange(outside)).toBeNull();
  });
});

describe('unwrapMarks', () => {
  test('gives back the same DOM and the same text node objects', () => {
    const root = document.querySelector('.content')!;
    const html = root.innerHTML;
    const originalNodes = new TextMap(root).segments.map((s) => s.node);
    const map = new TextMap(root);
    const text = map.text;
    const marks = [
      ...wrapSpan(map, text.indexOf('一是'), text.indexOf('；二是'), { 'data-kind': 'directive' }),
      ...wrapSpan(map, text.indexOf('二是'), text.indexOf('二是') + 4, { 'data-kind': 'directive' }),
      ...wrapSpan(map, text.indexOf('服务大局'), text.indexOf('服务大局') + 4, { 'data-kind': 'parallel' }),
    ];
    expect(root.innerHTML).not.toBe(html);
    unwrapMarks(map, marks);
    expect(root.innerHTML).toBe(html);
    expect(new TextMap(root).segments.map((s) => s.node)).toEqual(originalNodes);
    expect(map.segments.map((s) => s.node)).toEqual(originalNodes);
    expect(map.text).toBe(text);
  });

  test('unwrapping one highlight keeps the others and the map valid', () => {
    const map = new TextMap(document.querySelector('.content')!);
    const text = map.text;
    const first = wrapSpan(map, text.indexOf('一是'), text.indexOf('一是') + 5, { 'data-annotation': 'a' });
    wrapSpan(map, text.indexOf('三是'), text.indexOf('三是') + 5, { 'data-annotation': 'b' });
    unwrapMarks(map, first);
    expect(document.querySelectorAll('yd-mark')).toHaveLength(1);
    const again = wrapSpan(map, text.indexOf('二是'), text.indexOf('二是') + 3, { 'data-annotation': 'c' });
    expect(again.map((m) => m.textContent).join('')).toBe('二是要');
  });
});
