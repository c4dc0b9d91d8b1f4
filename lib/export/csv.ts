/**
 * The reader's highlights and notes as CSV, one row per highlight, for Excel and
 * WPS: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and
 * shows mojibake) and CRLF line ends. A cell that a spreadsheet would run as a
 * formula is neutralised with a leading apostrophe (OWASP "CSV injection").
 */
import Papa from 'papaparse';
import { localDateTime } from './dates';
import { COLOR_INFO } from '../model/colors';
import { inTextOrder } from './layout';
import type { StudyRecord } from './types';

/** The byte-order mark Excel needs to read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Column headers, in order. */
export const CSV_COLUMNS = ['文章标题', '来源', '发布日期', '网址', '摘录', '颜色', '批注', '标签', '创建时间', '编号'] as const;

/**
 * Cells a spreadsheet may evaluate: starting with = + - @ (also after leading
 * spaces, which Excel skips), or with a tab or carriage return (OWASP).
 * Full-width ＝＋－＠ are included because WPS folds them to ASCII on entry.
 */
const FORMULA_START = /^[\t\r]|^[ \u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Returns `cell` made inert for a spreadsheet: a leading apostrophe where it could be a formula. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Renders the highlights of `record` as CSV text, BOM first. */
export function renderCsv(record: StudyRecord): string {
  const rows: string[][] = [];
  for (const article of record.articles) {
    for (const h of inTextOrder(article.highlights)) {
      rows.push([
        article.title,
        article.source || article.site,
        article.published ?? '',
        article.url,
        h.quote,
        COLOR_INFO[h.color].short,
        h.note,
        h.tags.join('、'),
        localDateTime(h.createdAt),
        h.id,
      ]);
    }
  }
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => row.map(neutraliseCell)) },
    // Our own neutralising above covers more cases than papaparse's escapeFormulae.
    { newline: '\r\n', quotes: true, escapeFormulae: false },
  );
  return `${UTF8_BOM}${body}\r\n`;
}
