/**
 * The one entry point the notebook and popup call to export a study record:
 * `exportStudyRecord(format, record, { signal, onProgress })` → the file's bytes,
 * a file name and a MIME type (wrap in a Blob to download). Text formats are also
 * available as strings (renderMarkdown, renderText) for copying to the clipboard.
 */
import { renderCsv } from './csv';
import { DOCX_MIME, renderDocx } from './docx';
import { exportFileName, safeNamePart } from './filename';
import { renderFullTextHtml, renderFullTextMarkdown, type FullTextInput } from './fulltext';
import { renderMarkdown } from './markdown';
import { renderPrintPage } from './print';
import { step } from './task';
import { renderText } from './text';
import type { ExportFormat, ExportOptions, ExportedFile, StudyRecord } from './types';

export type { DocxLayout, ExportFormat, ExportOptions, ExportedFile, OutlineEntry, Progress, StudyArticle, StudyHighlight, StudyRecord, TaskOptions } from './types';
export { renderCsv } from './csv';
export { renderDocx } from './docx';
export { exportFileName } from './filename';
export { renderFullTextHtml, renderFullTextMarkdown, type FullTextInput, type StructureSpan } from './fulltext';
export { renderMarkdown } from './markdown';
export { renderPrintPage } from './print';
export { renderText } from './text';

/** Extension and MIME type of the string formats. */
const TEXT_FORMATS: Record<Exclude<ExportFormat, 'docx'>, { ext: string; mime: string; render: (r: StudyRecord) => string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8', render: renderMarkdown },
  text: { ext: 'txt', mime: 'text/plain;charset=utf-8', render: renderText },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', render: renderCsv },
  print: { ext: 'html', mime: 'text/html;charset=utf-8', render: renderPrintPage },
};

/** Exports `record` as `format`. Rejects with an AbortError (nothing produced) when cancelled. */
export async function exportStudyRecord(format: ExportFormat, record: StudyRecord, options?: ExportOptions): Promise<ExportedFile> {
  if (format === 'docx') {
    const data = await renderDocx(record, { signal: options?.signal, onProgress: options?.onProgress, layout: options?.docxLayout });
    return { data, filename: exportFileName(record, 'docx'), mime: DOCX_MIME };
  }
  const { ext, mime, render } = TEXT_FORMATS[format];
  step(options, 0, 1);
  const data = new TextEncoder().encode(render(record));
  step(options, 1, 1);
  return { data, filename: exportFileName(record, ext), mime };
}

/** The formats of one article's full text with the reader's marks. */
export type FullTextFormat = 'html' | 'markdown';

/** One article's full text with the reader's marks as a file: 全文网页 (.html) or Markdown (.md). */
export function exportFullText(format: FullTextFormat, input: FullTextInput): ExportedFile {
  const html = format === 'html';
  const text = html ? renderFullTextHtml(input) : renderFullTextMarkdown(input);
  const stem = `${safeNamePart(input.article.title) || '文章'}-全文`;
  return {
    data: new TextEncoder().encode(text),
    filename: `${stem}.${html ? 'html' : 'md'}`,
    mime: html ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8',
  };
}
