/**
 * The Word 学习笔记 as a reader's office suite shows it: the .docx of the fixture
 * collection (the seed article's outline, notes in two colours) converted to PDF
 * by LibreOffice, then read back with poppler-utils. Needs `soffice`, `pdfinfo`,
 * `pdftotext` and `pdffonts` (scripts/setup.sh installs them; CI runs it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FONTS, renderDocx } from '@/lib/export/docx';
import { chineseFontNames, docxToPdf, pdfFonts, pdfPages, pdfPageTexts } from '../../support/office';
import { openDocx, type OpenedDocx } from './docx-reader';
import { LONG_NOTE, officeFixtureRecord } from './fixture';

/** A4 in points, as pdfinfo prints it (210 × 297 mm). */
const A4_PT = { width: 595.3, height: 841.9 };
/** Lines of text a page holds, and full-width characters a line, in the 公文版. */
const GRID = { lines: 22, chars: 28 };

let dir = '';
let docx: OpenedDocx;
let pages: string[] = [];
let pdf = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yd-office-'));
  const bytes = await renderDocx(officeFixtureRecord());
  docx = openDocx(bytes);
  pdf = await docxToPdf(bytes, dir, 'xuexi-biji');
  pages = await pdfPageTexts(pdf);
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Width of `text` in full-width characters (CJK 1, everything else ½), spaces left out. */
function fullWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\s/g, '')) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F\u2014\u2018-\u201D\u2026]/.test(ch) ? 1 : 0.5;
  return width;
}

/** The page-number line: “— N —”, with whatever spaces pdftotext put in. */
const PAGE_NUMBER = /^\s*—\s*(\d+)\s*—\s*$/;

/** Lines of the body text of a page (the page number left out). */
function bodyLines(page: string): string[] {
  return page.split('\n').filter((line) => line.trim() !== '' && !PAGE_NUMBER.test(line));
}

/**
 * Lines the layout needs by the grid: every paragraph of the .docx, each piece
 * between line breaks taking ⌈(indent + width) / characters a line⌉ lines.
 */
function expectedLines(doc: OpenedDocx): number {
  const body = doc.xml('word/document.xml').getElementsByTagName('w:body')[0]!;
  let lines = 0;
  for (const p of [...body.getElementsByTagName('w:p')]) {
    const size = Number(p.getElementsByTagName('w:sz')[0]?.getAttribute('w:val') ?? 32) / 2;
    const perLine = Math.floor((GRID.chars * 15.6) / size);
    const ind = p.getElementsByTagName('w:ind')[0];
    const first = Number(ind?.getAttribute('w:firstLineChars') ?? 0) / 100;
    const left = Number(ind?.getAttribute('w:leftChars') ?? 0) / 100;
    const pieces = [...p.getElementsByTagName('w:r')].map((r) => [...r.childNodes].map((n) => (n.nodeName === 'w:br' ? '\n' : n.nodeName === 'w:t' ? n.textContent : '')).join('')).join('').split('\n');
    for (const piece of pieces) lines += Math.max(1, Math.ceil((first + left + fullWidth(piece)) / (perLine - left)));
    if (p.getElementsByTagName('w:spacing')[0]?.getAttribute('w:after')) lines += 1; // the title's blank line
  }
  return lines;
}

describe('the Word 学习笔记 opened in LibreOffice (PDF read back with poppler-utils)', () => {
  test('A4 pages, as many as 22 lines × 28 characters make, each with at most 22 lines of at most 28 characters', async () => {
    const sizes = await pdfPages(pdf);
    expect(sizes.length).toBe(pages.length);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(A4_PT.width, 0);
      expect(size.height).toBeCloseTo(A4_PT.height, 0);
    }
    const estimate = Math.ceil(expectedLines(docx) / GRID.lines);
    expect(Math.abs(sizes.length - estimate), `pages ${sizes.length}, estimated ${estimate}`).toBeLessThanOrEqual(1);
    const widths: number[] = [];
    pages.forEach((page, i) => {
      const lines = bodyLines(page);
      expect(lines.length, `page ${i + 1}`).toBeLessThanOrEqual(GRID.lines);
      if (i < pages.length - 1) expect(lines.length, `page ${i + 1} is full`).toBeGreaterThanOrEqual(GRID.lines - 2);
      // Lines in 三号 (sources and notes' references, in 四号, are smaller and may hold more).
      widths.push(...lines.filter((line) => !/^\s*(——|（关于)/.test(line)).map(fullWidth));
    });
    expect(Math.max(...widths)).toBeLessThanOrEqual(GRID.chars);
    // The long note fills whole lines: 28 characters stand on a line, not 27 (16 pt characters alone fit only 27).
    expect(widths).toContain(GRID.chars);
  });

  test('every quote and the notes are in the text layer', () => {
    const text = pages.join('').replace(/\s/g, '');
    for (const highlight of officeFixtureRecord().articles[0]!.highlights) {
      expect(text).toContain(highlight.quote.replace(/\s/g, ''));
    }
    expect(text).toContain(LONG_NOTE);
    expect(text).toContain('<imgsrc=xonerror=alert(1)>');
  });

  test('“— 1 —”, “— 2 —”… on their pages, no field code anywhere', () => {
    pages.forEach((page, i) => {
      const numbers = page.split('\n').map((line) => PAGE_NUMBER.exec(line)?.[1]).filter(Boolean);
      expect(numbers, `page ${i + 1}`).toEqual([String(i + 1)]);
    });
    const text = pages.join('\n');
    expect(text).not.toMatch(/PAGE|MERGEFORMAT|NUMPAGES|fldChar|\{|Error!|错误!/);
  });

  test('the fonts the .docx asks for, and a Chinese font embedded in the PDF', async () => {
    const asked = new Set<string>();
    for (const path of Object.keys(docx.files).filter((p) => /^word\/(document|footer\d*)\.xml$/.test(p))) {
      for (const fonts of [...docx.xml(path).getElementsByTagName('w:rFonts')]) asked.add(fonts.getAttribute('w:eastAsia') ?? '');
    }
    expect(asked).toEqual(new Set([FONTS.title.name, FONTS.heading.name, FONTS.subheading.name, FONTS.body.name, '宋体']));
    const table = [...docx.xml('word/fontTable.xml').getElementsByTagName('w:font')].map((f) => f.getAttribute('w:name'));
    for (const font of Object.values(FONTS)) expect(table).toContain(font.name);

    const embedded = (await pdfFonts(pdf)).filter((f) => f.embedded).map((f) => f.name);
    const chinese = await chineseFontNames();
    expect(chinese.size, 'a font covering Chinese on this machine (fonts-wqy-microhei)').toBeGreaterThan(0);
    expect(embedded.filter((name) => chinese.has(name))).not.toEqual([]);
  });
});
