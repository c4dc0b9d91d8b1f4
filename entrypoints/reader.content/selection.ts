/**
 * Where the reader's target text is: the current selection, or the automatic
 * item whose mark was clicked, as article-text offsets with a screen rectangle
 * for placing the toolbar. DOM reading only; what to do with it is notes.ts's.
 */
import type { TextMap } from '@/lib/extract';

/** Gap between the selection and the toolbar, in CSS pixels. */
const TOOLBAR_GAP_PX = 8;
/** The toolbar's height, used to place it above the selection. */
const TOOLBAR_HEIGHT_PX = 36;
/** Keep floating UI this far from the viewport's edges. */
const EDGE_PX = 4;

/** A span of the article text the reader is acting on. */
export interface TargetSpan {
  /** Offset of its first character in the article text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Where it is on screen (viewport coordinates). */
  rect: DOMRect;
}

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

/** Where the toolbar goes for a target: just above it, or below when there is no room. */
export function toolbarPlace(rect: DOMRect): { x: number; y: number } {
  const above = rect.top - TOOLBAR_HEIGHT_PX - TOOLBAR_GAP_PX;
  return { x: Math.max(EDGE_PX, rect.left), y: above > EDGE_PX ? above : rect.bottom + TOOLBAR_GAP_PX };
}

/** Where a floating box of `height` goes under (or above) a target, kept inside the viewport. */
export function boxPlace(rect: DOMRect, width: number, height: number): { x: number; y: number } {
  const x = Math.min(Math.max(EDGE_PX, rect.left), Math.max(EDGE_PX, window.innerWidth - width - EDGE_PX));
  const below = rect.bottom + TOOLBAR_GAP_PX;
  const y = below + height < window.innerHeight ? below : Math.max(EDGE_PX, rect.top - height - TOOLBAR_GAP_PX);
  return { x, y };
}
