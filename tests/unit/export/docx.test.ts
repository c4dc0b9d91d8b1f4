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

  test('公文版: A4, the 版心 156 × 225 mm, a grid of 22 lines × 28 characters that the text keeps', async () => {
    const doc = await opened;
    const documentXml = doc.xml('word/document.xml');
    const attr = (tag: string, name: string): number => Number(documentXml.getElementsByTagName(tag)[0]!.getAttribute(name));
    expect([attr('w:pgSz', 'w:w'), attr('w:pgSz', 'w:h')]).toEqual([11906, 16838]);
    const mm = (twips: number): number => Math.round((twips / 1440) * 25.4);
    expect([attr('w:pgMar', 'w:top'), attr('w:pgMar', 'w:bottom'), attr('w:pgMar', 'w:left'), attr('w:pgMar', 'w:right')].map(mm)).toEqual([37, 35, 28, 26]);
    const width = 11906 - attr('w:pgMar', 'w:left') - attr('w:pgMar', 'w:right');
    const height = 16838 - attr('w:pgMar', 'w:top') - attr('w:pgMar', 'w:bottom');
    expect([mm(width), mm(height)]).toEqual([156, 225]);

    const grid = documentXml.getElementsByTagName('w:docGrid')[0]!;
    expect(grid.getAttribute('w:type')).toBe('linesAndChars');
    const linePitch = Number(grid.getAttribute('w:linePitch'));
    expect(22 * linePitch).toBeLessThanOrEqual(height);
    expect(23 * linePitch).toBeGreaterThan(height);
    // charSpace: 4096ths of a point added to Normal's 16 pt; 28 such characters fit the line, 29 do not.
    const normal = [...doc.xml('word/styles.xml').getElementsByTagName('w:style')].find((st) => st.getAttribute('w:styleId') === 'Normal')!;
    expect(normal.getElementsByTagName('w:sz')[0]!.getAttribute('w:val')).toBe('32');
    const pitch = (16 + Number(grid.getAttribute('w:charSpace')) / 4096) * 20;
    expect(28 * pitch).toBeLessThanOrEqual(width);
    expect(29 * pitch).toBeGreaterThan(width);

    // Every paragraph of the text keeps the grid's line pitch exactly, and its 三号 characters, condensed, fit 28 a
    // line off the character grid too (LibreOffice does not squeeze characters into the grid's cells).
    const paragraphs = [...documentXml.getElementsByTagName('w:body')[0]!.getElementsByTagName('w:p')];
    for (const p of paragraphs) {
      const pPr = p.getElementsByTagName('w:pPr')[0]!;
      const spacing = pPr.getElementsByTagName('w:spacing')[0]!;
      expect([spacing.getAttribute('w:line'), spacing.getAttribute('w:lineRule')]).toEqual([String(linePitch), 'exact']);
      const order = [...pPr.children].map((c) => c.tagName);
      expect(order.indexOf('w:snapToGrid')).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('w:snapToGrid')).toBeLessThan(order.indexOf('w:spacing'));
    }
    const sanhaoRuns = [...documentXml.getElementsByTagName('w:r')].filter((r) => r.getElementsByTagName('w:sz')[0]?.getAttribute('w:val') === '32');
    expect(sanhaoRuns.length).toBeGreaterThan(20);
    const condensed = new Set(sanhaoRuns.map((r) => Number(r.getElementsByTagName('w:spacing')[0]?.getAttribute('w:val'))));
    expect(condensed.size).toBe(1);
    const advance = 16 * 20 + [...condensed][0]!;
    expect(28 * advance).toBeLessThanOrEqual(width);
    expect(29 * advance).toBeGreaterThan(width);
  });

  test('公文版: “— N —” in 四号 半角宋体 at the outer edge, one character in; the only field, with a cached value', async () => {
    const doc = await opened;
    const evenAndOdd = doc.xml('word/settings.xml').getElementsByTagName('w:evenAndOddHeaders');
    expect([...evenAndOdd].map((e) => e.getAttribute('w:val') ?? 'true')).toEqual(['true']);
    const rels = doc.xml('word/_rels/document.xml.rels').getElementsByTagName('Relationship');
    const target = (id: string): string => `word/${[...rels].find((r) => r.getAttribute('Id') === id)!.getAttribute('Target')}`;
    const refs = [...doc.xml('word/document.xml').getElementsByTagName('w:footerReference')];
    const footers = Object.fromEntries(refs.map((r) => [r.getAttribute('w:type'), doc.xml(target(r.getAttribute('r:id')!))]));
    expect(Object.keys(footers).sort()).toEqual(['default', 'even']);
    const look = (footer: Document) => {
      const p = footer.getElementsByTagName('w:p')[0]!;
      const ind = p.getElementsByTagName('w:ind')[0];
      const runsOf = [...p.getElementsByTagName('w:r')];
      return {
        align: p.getElementsByTagName('w:jc')[0]!.getAttribute('w:val'),
        indent: [ind?.getAttribute('w:left') ?? null, ind?.getAttribute('w:right') ?? null],
        text: runsOf.map((r) => r.getElementsByTagName('w:t')[0]?.textContent ?? '').join(''),
        fonts: new Set(runsOf.map((r) => `${r.getElementsByTagName('w:rFonts')[0]!.getAttribute('w:ascii')}/${r.getElementsByTagName('w:sz')[0]!.getAttribute('w:val')}`)),
        field: runsOf.flatMap((r) => [...r.children].filter((c) => c.tagName !== 'w:rPr').map((c) => c.getAttribute('w:fldCharType') ?? (c.tagName === 'w:instrText' ? `instr:${c.textContent}` : c.tagName))),
      };
    };
    const field = ['w:t', 'begin', 'instr:PAGE', 'separate', 'w:t', 'end', 'w:t'];
    expect(look(footers.default!)).toEqual({ align: 'right', indent: [null, '280'], text: '— 1 —', fonts: new Set(['宋体/28']), field });
    expect(look(footers.even!)).toEqual({ align: 'left', indent: ['280', null], text: '— 2 —', fonts: new Set(['宋体/28']), field });
  });

  test('WPS-safe: numbering as text (no automatic lists), no fields in the text, no tables without column widths', async () => {
    for (const layout of ['official', 'simple'] as const) {
      const doc = openDocx(await renderDocx(fixtureRecord(), { layout }));
      const documentXml = doc.xml('word/document.xml');
      for (const tag of ['w:numPr', 'w:fldChar', 'w:instrText', 'w:fldSimple', 'w:sdt']) {
        expect(documentXml.getElementsByTagName(tag), `${layout} ${tag}`).toHaveLength(0);
      }
      for (const table of [...documentXml.getElementsByTagName('w:tbl')]) {
        const cols = [...table.getElementsByTagName('w:gridCol')].map((c) => Number(c.getAttribute('w:w')));
        expect(cols.length).toBeGreaterThan(0);
        expect(cols.every((w) => w > 0)).toBe(true);
      }
      expect(doc.paragraphs.map((p) => p.text)).toContain('一、学习时间');
    }
  });

  test('简洁版: no grid, 28 pt lines, one centred page number', async () => {
    const doc = openDocx(await renderDocx(fixtureRecord(), { layout: 'simple' }));
    const documentXml = doc.xml('word/document.xml');
    expect(documentXml.getElementsByTagName('w:docGrid')[0]!.getAttribute('w:type')).toBeNull();
    const evenAndOdd = doc.xml('word/settings.xml').getElementsByTagName('w:evenAndOddHeaders')[0];
    expect(evenAndOdd === undefined || evenAndOdd.getAttribute('w:val') === 'false').toBe(true);
    const refs = [...documentXml.getElementsByTagName('w:footerReference')].map((r) => r.getAttribute('w:type'));
    expect(refs).toEqual(['default']);
    const footerPath = Object.keys(doc.files).find((p) => /^word\/footer\d*\.xml$/.test(p))!;
    const footer = doc.xml(footerPath);
    expect([...footer.getElementsByTagName('w:instrText')].map((n) => n.textContent)).toEqual(['PAGE']);
    expect(footer.getElementsByTagName('w:jc')[0]!.getAttribute('w:val')).toBe('center');
    const lines = new Set([...documentXml.getElementsByTagName('w:body')[0]!.getElementsByTagName('w:spacing')].map((s) => s.getAttribute('w:line')).filter(Boolean));
    expect(lines).toEqual(new Set(['560']));
    expect(documentXml.getElementsByTagName('w:snapToGrid')).toHaveLength(0);
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

describe('学习时长 in the 学习笔记', () => {
  test('printed under 学习时间: each article read, by day and minutes', async () => {
    const record = fixtureRecord();
    record.articles[0]!.reading = { '2026-11-27': 12 * 60_000 + 10_000, '2026-11-28': 5 * 60_000 };
    record.articles[1]!.reading = { '2026-11-28': 20_000 };
    const doc = openDocx(await renderDocx(record));
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts.slice(texts.indexOf('一、学习时间') + 1, texts.indexOf('二、学习内容'))).toEqual([
      '2026年11月28日',
      `阅读《${SEED_TITLE}》：2026年11月27日 12分钟；2026年11月28日 5分钟（共17分钟）`,
      '阅读《关于加强基层党建工作的意见》：2026年11月28日 不足1分钟',
    ]);
  });
});
