/** Draws the analysis and the reader's saved highlights onto the article. */
import type { AnalysisItem } from '@/lib/analysis';
import { matchAll } from '@/lib/anchoring/match';
import type { AnnotationRecord, PageNote } from '@/lib/model/records';
import type { TextMap } from '@/lib/extract';
import { wrapSpan } from '@/lib/highlight';

/** Wraps every analysis item in marks of its kind; all pieces of one item share `data-item` (its id). */
export function markAnalysis(map: TextMap, items: readonly AnalysisItem[]): HTMLElement[] {
  return items.flatMap((item) =>
    wrapSpan(map, item.start, item.end, { 'data-kind': item.kind, 'data-item': String(item.id) }),
  );
}

/**
 * Re-attaches saved highlights (the text folded once for all of them). Every
 * note comes back with its place, or with none (未定位): kept, never dropped.
 */
export function restoreHighlights(map: TextMap, annotations: readonly AnnotationRecord[]): PageNote[] {
  const places = matchAll(map.text, annotations);
  return annotations.map((record, i) => {
    const found = places[i];
    if (!found) return { record, place: null };
    wrapSpan(map, found.start, found.end, { 'data-annotation': record.id, 'data-color': record.color });
    return { record, place: { start: found.start, end: found.end } };
  });
}
