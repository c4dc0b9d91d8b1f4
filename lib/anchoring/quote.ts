/**
 * Pure string anchoring: describe a span of the article text by its quote and
 * position, and find that span again in a (possibly changed) text. No DOM here;
 * lib/extract converts between text offsets and DOM ranges.
 */

import { matchAnchor } from './match';

/** How many characters of context are kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

/** The quoted text with its surroundings (W3C Web Annotation TextQuoteSelector). */
export interface QuoteSelector {
  /** The highlighted text itself. */
  exact: string;
  /** Up to CONTEXT_CHARS characters just before it. */
  prefix: string;
  /** Up to CONTEXT_CHARS characters just after it. */
  suffix: string;
}

/** Where the quote stood in the article text (W3C TextPositionSelector). */
export interface PositionSelector {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Both selectors of one highlight. */
export interface TextAnchor {
  /** What the text said. */
  quote: QuoteSelector;
  /** Where it was. */
  position: PositionSelector;
}

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

/**
 * Finds the anchored span in `text`: at its old position, else the exact quote
 * (choosing among repeats by context and position), else an edited quote above
 * the minimum score (lib/anchoring/match.ts). Null when it cannot be placed safely.
 */
export function locateAnchor(text: string, anchor: TextAnchor): PositionSelector | null {
  const found = matchAnchor(text, anchor);
  return found && { start: found.start, end: found.end };
}
