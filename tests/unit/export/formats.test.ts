import Papa from 'papaparse';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, UTF8_BOM, neutraliseCell, renderCsv } from '@/lib/export/csv';
import { exportStudyRecord } from '@/lib/export';
import { escapeMarkdown, renderMarkdown } from '@/lib/export/markdown';
import { renderPrintPage } from '@/lib/export/print';
import { renderText } from '@/lib/export/text';
import type { ExportFormat, Progress } from '@/lib/export/types';
import { FORMULA_NOTE, MARKUP_NOTE, SEED_TITLE, fixtureRecord } from './fixture';

const SECTIONS = ['一、学习时间', '二、学习内容', '三、主要精神', '四、重点摘录', '五、心得体会'];

describe('Markdown', () => {
  const md = renderMarkdown(fixtureRecord());
  const lines = md.split('\n');

  test('headings: the title, the five sections, an article heading under each of its sections', () => {
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# 学习笔记',
      '## 一、学习时间',
      '## 二、学习内容',
      '## 三、主要精神',
      `### （一）《${SEED_TITLE}》`,
      '### （二）《关于加强基层党建工作的意见》',
      '## 四、重点摘录',
      `### （一）《${SEED_TITLE}》`,
      '### （二）《关于加强基层党建工作的意见》',
      '## 五、心得体会',
      `### （一）《${SEED_TITLE}》`,
      '### （二）《关于加强基层党建工作的意见》',
    ]);
  });

  test('the outline is a nested list, leads in bold, directives with their own markers', () => {
    expect(lines).toContain('- **要把围绕中心、服务大局摆在更加突出的位置。**');
    expect(lines).toContain('  - 一是要加强组织覆盖。');
    expect(lines).toContain('- （一）加强组织建设。');
    expect(lines).toContain('  - 一是健全组织。');
  });

  test('quotes are blockquotes with their source line; page text cannot become markup', () => {
    expect(md).toContain('> 【黄】“组织创先进、党员争优秀、群众得实惠” 标签：总要求、三会一课\n>\n> ——《紧抓工作重点 突出实践特色》');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>  \n第二段');
    expect(md).toContain('> 【紫】“-2 项任务要按时完成” 标签：+1');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  test.each([
    ['# 不是标题', '\\# 不是标题'],
    ['*强调*', '\\*强调\\*'],
    ['[链接](javascript:x)', '\\[链接\\](javascript:x)'],
    ['<b>粗</b>', '\\<b\\>粗\\</b\\>'],
    ['普通中文句子，没有符号。', '普通中文句子，没有符号。'],
    ['1. 不是列表', '1\\. 不是列表'],
    ['- 不是列表\n===', '\\- 不是列表  \n\\==='],
    ['网址 www.gov.cn (1)', '网址 www.gov.cn (1)'],
  ])('escapeMarkdown(%j) → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('plain text', () => {
  test('the same sections in the same order, outline levels indented', () => {
    const txt = renderText(fixtureRecord());
    const lines = txt.split('\n');
    expect(lines[0]).toBe('学习笔记');
    expect(lines.filter((l) => SECTIONS.includes(l))).toEqual(SECTIONS);
    expect(lines).toContain('\u3000\u3000要把围绕中心、服务大局摆在更加突出的位置。');
    expect(lines).toContain('\u3000\u3000\u3000\u3000一是要加强组织覆盖。');
    expect(txt).toContain(MARKUP_NOTE.split('\n')[0]);
  });
});

describe('CSV', () => {
  const csv = renderCsv(fixtureRecord());
  const parsed = Papa.parse<Record<string, string>>(csv.slice(UTF8_BOM.length), { header: true, skipEmptyLines: true });

  test('starts with a UTF-8 BOM and parses back: one row per highlight, Chinese intact', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data.map((r) => r['摘录'])).toEqual([
      '要把围绕中心、服务大局摆在更加突出的位置',
      '组织创先进、党员争优秀、群众得实惠',
      '要加强组织覆盖',
      '要在服务群众上创先争优',
      "'-2 项任务要按时完成",
    ]);
    expect(parsed.data[1]).toMatchObject({ 文章标题: SEED_TITLE, 颜色: '黄', 标签: '总要求、三会一课', 发布日期: '2011-03-15' });
    expect(parsed.data[3]!['批注']).toBe(MARKUP_NOTE);
  });

  test('cells that would run as formulas are neutralised', () => {
    expect(parsed.data[2]!['批注']).toBe(`'${FORMULA_NOTE}`);
    expect(parsed.data[4]).toMatchObject({ 批注: "'@SUM(A1:A9)", 标签: "'+1" });
  });

  test.each([
    ['=1+2', "'=1+2"],
    ['+86 10', "'+86 10"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', "'\r=1"],
    ['  =1', "'  =1"],
    ['＝HYPERLINK()', "'＝HYPERLINK()"],
  ])('neutralises %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  test.each([['要加强组织覆盖'], ['a=b'], ['1-2'], ['邮箱 a@b.cn'], ['']])('leaves %j alone', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe('the print page', () => {
  const html = renderPrintPage(fixtureRecord());
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(html, 'text/html');

  test('the same structure as the Word file, with a script-free CSP', () => {
    expect(doc.querySelector('h1')?.textContent).toBe('学习笔记');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(SECTIONS);
    expect(doc.querySelectorAll('blockquote.quote')).toHaveLength(5);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.querySelector('title')?.textContent).toBe('学习笔记');
  });

  test('page text stays text: no element comes from a note or a title', () => {
    const hostile = fixtureRecord({ title: '</title><script>alert(1)</script>' });
    const page = new window.DOMParser().parseFromString(renderPrintPage(hostile), 'text/html');
    expect(page.querySelectorAll('script, img')).toHaveLength(0);
    expect(page.querySelector('h1')?.textContent).toBe('</title><script>alert(1)</script>');
    expect([...page.querySelectorAll('p.note')].map((p) => p.textContent)).toContain(MARKUP_NOTE);
  });
});

describe('exportStudyRecord, the API the notebook calls', () => {
  test.each([
    ['docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['markdown', 'md', 'text/markdown;charset=utf-8'],
    ['text', 'txt', 'text/plain;charset=utf-8'],
    ['csv', 'csv', 'text/csv;charset=utf-8'],
    ['print', 'html', 'text/html;charset=utf-8'],
  ] as const)('%s → a .%s file, progress reported to the end', async (format: ExportFormat, ext, mime) => {
    const seen: Progress[] = [];
    const file = await exportStudyRecord(format, fixtureRecord(), { onProgress: (p) => seen.push(p) });
    expect(file.filename).toBe(`学习笔记-2026-11-28-紧抓工作重点突出实践特色等2篇.${ext}`);
    expect(file.mime).toBe(mime);
    expect(file.data.byteLength).toBeGreaterThan(500);
    const last = seen[seen.length - 1]!;
    expect(last.done).toBe(last.total);
  });

  test.each(['docx', 'markdown', 'csv'] as const)('%s: a cancelled export rejects with AbortError', async (format) => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportStudyRecord(format, fixtureRecord(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a docx export cancelled while it runs stops with AbortError', async () => {
    const controller = new AbortController();
    const many = fixtureRecord();
    const seed = many.articles[0]!;
    seed.highlights = Array.from({ length: 600 }, (_, i) => ({ ...seed.highlights[0]!, id: `h${i}`, position: i }));
    const run = exportStudyRecord('docx', many, { signal: controller.signal, onProgress: (p) => p.done > 0 && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
