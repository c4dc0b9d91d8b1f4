/**
 * Removes <yd-mark> elements and gives the page back exactly the text nodes it
 * had: marks are replaced by their children, then the text nodes that wrapping
 * split are joined again (TextMap.rejoin).
 */
import type { TextMap } from '../extract/text-map';

/** Unwraps `marks` and rejoins the text nodes they split. */
export function unwrapMarks(map: TextMap, marks: Iterable<Element>): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
  }
  map.rejoin();
}
