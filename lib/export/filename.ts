/**
 * File names for exports, safe on Windows (the readers' usual system), macOS
 * and Linux: 学习笔记-2026-11-28-紧抓工作重点突出实践特色.docx.
 */
import { recordTitle } from './layout';
import type { StudyRecord } from './types';

/** Characters Windows forbids in file names, and control characters. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Whitespace of any width: titles on news sites are often split by spaces. */
const SPACES = /[\s\u3000]+/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Longest name part (in characters) for one piece; Windows paths stop at 260 in all. */
const MAX_PART_CHARS = 40;
/** Longest whole stem, leaving room for the folder path and the extension. */
const MAX_STEM_CHARS = 100;

/** Makes `part` safe inside a file name: no forbidden characters, no spaces, not too long. */
export function safeNamePart(part: string, maxChars: number = MAX_PART_CHARS): string {
  const cleaned = part.replace(FORBIDDEN, '').replace(SPACES, '').replace(/^[.-]+|[.\s]+$/g, '');
  return [...cleaned].slice(0, maxChars).join('').replace(/[.\s]+$/, '');
}

/** The file name for `record` exported with extension `ext` (without the dot). */
export function exportFileName(record: StudyRecord, ext: string): string {
  const first = record.articles[0];
  const topic = first ? safeNamePart(first.title) : '';
  const more = record.articles.length > 1 ? `等${record.articles.length}篇` : '';
  const parts = [safeNamePart(recordTitle(record)) || '学习笔记', safeNamePart(record.studyDate), topic ? `${topic}${more}` : ''];
  let stem = [...parts.filter((p) => p !== '').join('-')].slice(0, MAX_STEM_CHARS).join('');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem}.${ext}`;
}
