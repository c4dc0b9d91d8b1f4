/**
 * Where the reader's target text is: the current selection, or the automatic
 * item whose mark was clicked, as article-text offsets with a screen rectangle
 * for placing the toolbar. DOM reading only; what to do with it is notes.ts's
 * (placing is lib/reader/notes-model.ts's).
 */
import type { TextMap } from '@/lib/extract';
import type { TargetSpan } from '@/lib/reader/notes-model';

/** A span of the article text the reader is acting on (lib/reader/notes-model.ts). */
export type { TargetSpan };

/** The page's current selection as a span of the article; null when there is none or it lies outside. */
export function selectedSpan(map: TextMap): TargetSpan | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const span = map.offsetsOfRange(range);
  if (!span || map.text.slice(span.start, span.end).trim() === '') return null;
  return { ...span, rect: range.getBoundingClientRect() };
}

/** The whole automatic item a clicked mark belongs to (all marks sharing its data-item). */
export function itemSpan(map: TextMap, mark: Element): TargetSpan | null {
  const item = mark.getAttribute('data-item');
  const marks = item === null ? [mark] : [...document.querySelectorAll(`yd-mark[data-item="${CSS.escape(item)}"]`)];
  const first = marks[0];
  const last = marks[marks.length - 1];
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  const span = map.offsetsOfRange(range);
  return span && { ...span, rect: mark.getBoundingClientRect() };
}
