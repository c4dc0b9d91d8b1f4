/**
 * Bundled into the page by bench/highlight.bench.ts: wraps `count` spans of the
 * article text in marks and unwraps them again, timing each.
 */
import { TextMap } from '../lib/extract/text-map';
import { wrapSpan } from '../lib/highlight';
import { unwrapMarks } from '../lib/highlight/unwrap';

/** Times of one wrap-and-unwrap round. */
export interface WrapTiming {
  /** Building the text map. */
  mapMs: number;
  /** Wrapping all spans. */
  wrapMs: number;
  /** Unwrapping them again. */
  unwrapMs: number;
  /** How many marks were made. */
  marks: number;
}

export function wrapAndUnwrap(root: Element, count: number): WrapTiming {
  const t0 = performance.now();
  const map = new TextMap(root);
  const t1 = performance.now();
  const step = Math.floor(map.text.length / count);
  const marks: Element[] = [];
  for (let i = 0; i < count; i++) {
    const start = i * step;
    marks.push(...wrapSpan(map, start, start + Math.max(2, Math.floor(step * 0.6)), { 'data-kind': 'directive', 'data-item': String(i) }));
  }
  const t2 = performance.now();
  unwrapMarks(map, marks);
  const t3 = performance.now();
  return { mapMs: t1 - t0, wrapMs: t2 - t1, unwrapMs: t3 - t2, marks: marks.length };
}
