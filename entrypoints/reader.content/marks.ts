/** Draws the analysis and the reader's saved highlights onto the article. */
import type { AnalysisItem } from '@/lib/analysis';
import { locateAnchor } from '@/lib/anchoring/quote';
import type { AnnotationRecord } from '@/lib/db/records';
import type { TextMap } from '@/lib/extract';
import { wrapSpan } from '@/lib/highlight';

/** Wraps every analysis item in marks of its kind; all pieces of one item share `data-item` (its id). */
export function markAnalysis(map: TextMap, items: readonly AnalysisItem[]): HTMLElement[] {
  return items.flatMap((item) =>
    wrapSpan(map, item.start, item.end, { 'data-kind': item.kind, 'data-item': String(item.id) }),
  );
}

/** Re-attaches saved highlights; returns those that could not be placed (kept, never dropped). */
export function restoreHighlights(map: TextMap, annotations: readonly AnnotationRecord[]): AnnotationRecord[] {
  const unplaced: AnnotationRecord[] = [];
  for (const annotation of annotations) {
    const place = locateAnchor(map.text, annotation);
    if (!place) {
      unplaced.push(annotation);
      continue;
    }
    wrapSpan(map, place.start, place.end, { 'data-annotation': annotation.id, 'data-color': annotation.color });
  }
  return unplaced;
}
