/**
 * Pure string anchoring: describe a span of the article text by its quote and
 * position, and find that span again in a (possibly changed) text. No DOM here;
 * lib/extract converts between text offsets and DOM ranges.
 */

import type { TextAnchor } from '../model/selectors';

/** How many characters of context are kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

/** Describes [start, end) of `text`. */
export function describeSpan(text: string, start: number, end: number): TextAnchor {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}
