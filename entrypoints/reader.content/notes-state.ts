/**
 * The page's own notes as the reader script knows them (one page, one list),
 * shared by the reader (which re-attaches them after each analysis), the notes
 * layer and the outline panel's 我的批注 tab.
 */
import { signal } from '@preact/signals-core';
import type { AnnotationRecord, PageNote } from '@/lib/model/records';
import type { TextMap } from '@/lib/extract';
import { flashMarks } from '@/lib/highlight';
import { sendMessage } from '@/lib/messaging';
import type { ArticleQuery } from '@/lib/protocol/schema';
import { restoreHighlights } from './marks';

/** This page's live notes with their places. */
export const pageNotes = signal<PageNote[]>([]);

/** The page's canonical link when it is an http(s) address, else null. */
export function canonicalLink(): string | null {
  const href = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? '';
  return /^https?:\/\//i.test(href) ? href : null;
}

/** Which article this page is, for the background (URL and canonical link). */
export function pageQuery(): ArticleQuery {
  return { url: location.href, canonicalUrl: canonicalLink() };
}

/**
 * Re-attaches `records` to the article, publishes them for the UI, and tells
 * the background which could not be placed (未定位) or are placed again.
 */
export function restoreNotes(map: TextMap, records: readonly AnnotationRecord[]): void {
  const notes = restoreHighlights(map, records);
  pageNotes.value = notes;
  const placed = notes.filter((n) => n.place && n.record.unplacedAt !== null).map((n) => n.record.id);
  const unplaced = notes.filter((n) => !n.place && n.record.unplacedAt === null).map((n) => n.record.id);
  if (placed.length + unplaced.length === 0) return;
  sendMessage('reportPlacement', { placed, unplaced }).catch((error: unknown) => console.warn('[研读] 记录未定位批注失败', error));
}

/**
 * Notes saved under the addresses of the article's other pages: those whose text is on this page are placed and
 * shown with the page's own; the others belong to pages not shown here and are left as they are (not 未定位).
 */
export function restoreOtherPagesNotes(map: TextMap, records: readonly AnnotationRecord[]): void {
  const known = new Set(pageNotes.value.map((n) => n.record.id));
  const fresh = records.filter((r) => !known.has(r.id) && r.deletedAt === null);
  const placed = restoreHighlights(map, fresh).filter((n) => n.place !== null);
  if (placed.length > 0) pageNotes.value = [...pageNotes.value, ...placed];
}

/** The marks of one note. */
export function marksOfNote(id: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`yd-mark[data-annotation="${CSS.escape(id)}"]`)];
}

/** Scrolls to a note and flashes it. */
export function jumpToNote(id: string): void {
  flashMarks(marksOfNote(id));
}
