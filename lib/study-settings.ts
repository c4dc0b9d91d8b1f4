/**
 * The reader's settings for study records, kept in extension storage: which
 * layout the Word 学习笔记 takes (公文版 by default, or 简洁版), and whether
 * 学习时长 (time actually spent reading each article) is counted.
 */
import { storage } from './storage';
import type { DocxLayout } from './export/types';

/** The Word export's layout: 公文版 (GB/T 9704, the default) or 简洁版. */
export const docxLayoutItem = storage.defineItem<DocxLayout>('local:docxLayout', { fallback: 'official' });

/** Whether 学习时长 is counted, shown in the notebook and printed in the 学习笔记 (on unless the reader switched it off). */
export const readingTimeItem = storage.defineItem<boolean>('local:readingTimeOn', { fallback: true });
