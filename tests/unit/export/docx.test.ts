import { strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { OutlineNode } from '@/lib/analysis';
import { renderDocx } from '@/lib/export/docx';
import { inTextOrder } from '@/lib/export/layout';
import { openDocx, type OpenedDocx } from './docx-reader';
import { MARKUP_NOTE, SEED_TITLE, fixtureRecord, seedAnalysisResult, seedHighlights } from './fixture';

const opened: Promise<OpenedDocx> = renderDocx(fixtureRecord()).then(openDocx);

function sectionParagraphs(doc: OpenedDocx, from: string, to: string | null): string[] {
  const texts = doc.paragraphs.map((p) => p.text);
  const start = texts.indexOf(from);
  const end = to === null ? texts.length : texts.indexOf(to);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return texts.slice(start + 1, end);
}

describe('the .docx study record, parsed back', () => {
  test('every XML part is well-formed and the package has the parts Word needs', async () => {
    const doc = await opened;
    for (const path of Object.keys(doc.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect(() => doc.xml(path), path).not.toThrow();
    }
    expect(Object.keys(doc.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
  });

  test('title first, then the five sections in order as first-level headings', async () => {
    const doc = await opened;
    expect(doc.paragraphs[0]).toMatchObject({ style: 'Title', text: '学习笔记', align: 'center' });
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      '一、学习时间',
      '二、学习内容',
      '三、主要精神',
      '四、重点摘录',
      '五、心得体会',
    ]);
    expect(sectionParagraphs(doc, '一、学习时间', '二、学习内容')).toEqual(['2026年11月28日']);
    expect(sectionParagraphs(doc, '二、学习内容', '三、主要精神')).toEqual([
      `1. 《${SEED_TITLE}》（人民网-中国共产党新闻网，2011年3月15日）`,
      '2. 《关于加强基层党建工作的意见》（www.gov.cn）',
    ]);
  });

  test('the reader’s own title replaces 学习笔记', async () => {
    const doc = openDocx(await renderDocx(fixtureRecord({ title: '党支部十一月学习' })));
    expect(doc.paragraphs[0]!.text).toBe('党支部十一月学习');
  });

  test('主要精神 lists each article’s leads and directives in order, numbered as in the original', async () => {
    const doc = await opened;
    const analysis = seedAnalysisResult();
    const expected: string[] = [];
    const walk = (nodes: readonly OutlineNode[]): void => {
      for (const node of nodes) {
        const item = analysis.items[node.item]!;
        expected.push(`${item.marker ?? ''}${item.text}`);
        walk(node.children);
      }
    };
    walk(analysis.outline.nodes);
    expect(expected.length).toBeGreaterThan(10);
    expect(sectionParagraphs(doc, '三、主要精神', '四、重点摘录')).toEqual([
      `（一）《${SEED_TITLE}》`,
      ...expected,
      '（二）《关于加强基层党建工作的意见》',
      '（一）加强组织建设。',
      '一是健全组织。',
    ]);
    expect(expected).toContain('一是要加强组织覆盖。');
    expect(expected.filter((line) => /^要把.+摆在更加突出的位置。$/.test(line))).toHaveLength(4);
  });

  test('重点摘录 has the quotes in text order, each with its colour and a source line', async () => {
    const doc = await opened;
    const quotes = doc.paragraphs.filter((p) => p.style === 'Quote');
    expect(quotes.map((p) => p.text.replace(/^【.】“|”( 标签：.*)?$/g, ''))).toEqual([
      ...inTextOrder(seedHighlights()).map((h) => h.quote),
      '-2 项任务要按时完成',
    ]);
    expect(quotes[0]!.text).toMatch(/^【蓝】“要把围绕中心/);
    expect(quotes.find((p) => p.text.includes('群众得实惠'))!.text).toMatch(/标签：总要求、三会一课$/);
    const texts = doc.paragraphs.map((p) => p.text);
    for (const quote of quotes.slice(0, 4)) {
      expect(texts[texts.indexOf(quote.text) + 1]).toBe(`——《${SEED_TITLE}》（人民网-中国共产党新闻网，2011年3月15日）`);
    }
  });

  test('心得体会 holds the notes, page text kept as text (markup stays literal, line breaks kept)', async () => {
    const doc = await opened;
    const notes = sectionParagraphs(doc, '五、心得体会', null);
    expect(notes).toContain(MARKUP_NOTE);
    expect(notes).toContain('这是总要求，要在支部会上重点讲。');
    expect(notes).toContain('（关于“组织创先进、党员争优秀、群众得实惠”）');
    const xml = strFromU8(doc.files['word/document.xml']!);
    expect(xml).not.toContain('<img');
  });

  test('fonts and sizes as official documents use them', async () => {
    const doc = await opened;
    const byStyle = (style: string): { font: string; size: number }[] =>
      doc.paragraphs.filter((p) => p.style === style).map((p) => ({ font: p.eastAsiaFont, size: p.size }));
    expect(byStyle('Title')).toEqual([{ font: '方正小标宋简体', size: 44 }]);
    expect(new Set(byStyle('Heading1').map((f) => `${f.font}/${f.size}`))).toEqual(new Set(['黑体/32']));
    expect(new Set(byStyle('Heading2').map((f) => `${f.font}/${f.size}`))).toEqual(new Set(['楷体_GB2312/32']));
    const body = doc.paragraphs.filter((p) => p.style === '' && p.text !== '');
    expect(new Set(body.map((p) => p.eastAsiaFont))).toEqual(new Set(['仿宋_GB2312']));
    expect(new Set(body.map((p) => p.size))).toEqual(new Set([32, 28]));
    const fonts = doc.xml('word/fontTable.xml').getElementsByTagName('w:font');
    const alt = Object.fromEntries(
      [...fonts].map((f) => [f.getAttribute('w:name'), f.getElementsByTagName('w:altName')[0]?.getAttribute('w:val') ?? null]),
    );
    expect(alt).toMatchObject({ 仿宋_GB2312: '仿宋', 方正小标宋简体: '宋体', 楷体_GB2312: '楷体', 黑体: 'SimHei' });
  });

  test('A4 pages with a page number in the footer', async () => {
    const doc = await opened;
    const documentXml = doc.xml('word/document.xml');
    const size = documentXml.getElementsByTagName('w:pgSz')[0]!;
    expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['11906', '16838']);
    const footerPath = Object.keys(doc.files).find((p) => /^word\/footer\d*\.xml$/.test(p))!;
    const footer = doc.xml(footerPath);
    const instructions = [...footer.getElementsByTagName('w:instrText')].map((n) => n.textContent?.trim());
    expect(instructions).toContain('PAGE');
    expect(footer.getElementsByTagName('w:jc')[0]!.getAttribute('w:val')).toBe('center');
  });

  test('an empty record still has every section, each saying 暂无', async () => {
    const doc = openDocx(await renderDocx({ title: '', studyDate: '2026-11-28', articles: [] }));
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      '学习笔记',
      '一、学习时间',
      '2026年11月28日',
      '二、学习内容',
      '（暂无）',
      '三、主要精神',
      '（暂无）',
      '四、重点摘录',
      '（暂无）',
      '五、心得体会',
      '（暂无）',
    ]);
  });
});
