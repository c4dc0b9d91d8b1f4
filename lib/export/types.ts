/**
 * The input of every export format: a study record (学习笔记) as plain data.
 * Export does not read the database; lib/export/from-db.ts maps stored records
 * to these shapes, and tests build them by hand.
 */
import type { HighlightColor } from '../model/colors';
import type { OutlineEntry } from '../model/records';

export type { OutlineEntry };

/** One of the reader's highlights, with its note. */
export interface StudyHighlight {
  /** The highlight's id (stable across exports; the CSV carries it). */
  id: string;
  /** The highlighted text. */
  quote: string;
  /** The highlight colour. */
  color: HighlightColor;
  /** Offset of the quote in the article text: highlights are listed in this order. */
  position: number;
  /** The reader's note; empty for a plain highlight. */
  note: string;
  /** The reader's tags, without any leading #. */
  tags: string[];
  /** When it was made (ms since epoch). */
  createdAt: number;
  /** Who made it, for notes from another member's 学习包 (their name, 支部); absent on the reader's own. */
  author?: { name: string; branch: string };
}

/** One article of the study record. */
export interface StudyArticle {
  /** The article's title. */
  title: string;
  /** The address it was read at. */
  url: string;
  /** The host name (www.people.com.cn). */
  site: string;
  /** The publisher as the page names it (人民网, 新华社); empty when unknown. */
  source: string;
  /** Publication date as YYYY-MM-DD; null when unknown. */
  published: string | null;
  /** The article's outline (主要精神); empty when none was found. */
  outline: OutlineEntry[];
  /** The reader's highlights, in any order (export sorts them by position). */
  highlights: StudyHighlight[];
  /** The article's key in the database, when it came from there. */
  key?: string;
  /** 学习时长: milliseconds actually read per local day (YYYY-MM-DD); absent when not counted or switched off. */
  reading?: Record<string, number>;
}

/** A study record: what one exported file holds. */
export interface StudyRecord {
  /** The reader's own title; empty for the default 学习笔记. */
  title: string;
  /** The study date as YYYY-MM-DD (学习时间; also in the file name). */
  studyDate: string;
  /** The articles studied, in the order the reader chose. */
  articles: StudyArticle[];
  /** The reader (姓名, 支部 from settings), naming their own part when other members' notes are in the record. */
  reader?: { name: string; branch: string };
}

/** The Word export's layouts: 公文版 (GB/T 9704, the default) and 简洁版 (no grid, centred page numbers). */
export type DocxLayout = 'official' | 'simple';

/** The formats a study record exports to. */
export type ExportFormat = 'docx' | 'markdown' | 'text' | 'csv' | 'print';

/** How far a long export or import has come. */
export interface Progress {
  /** Units done so far. */
  done: number;
  /** Units in all (the same unit as `done`). */
  total: number;
}

/** Options every long-running export or import takes. */
export interface TaskOptions {
  /** Cancels the task; it then rejects with an AbortError and changes nothing. */
  signal?: AbortSignal;
  /** Called as the task advances (synchronously: keep it quick). */
  onProgress?: (progress: Progress) => void;
}

/** Options of exportStudyRecord: a long task's, and the Word layout. */
export interface ExportOptions extends TaskOptions {
  /** The Word export's layout (公文版 when not given). */
  docxLayout?: DocxLayout;
}

/** A finished export: the file's bytes and how to save them. */
export interface ExportedFile {
  /** The file's contents. */
  data: Uint8Array;
  /** A Windows-safe file name with extension. */
  filename: string;
  /** The MIME type, for a Blob or a download. */
  mime: string;
}
