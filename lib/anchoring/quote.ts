/**
 * Pure string anchoring: describe a span of the article text by its quote and
 * position, and find that span again in a (possibly changed) text. No DOM here;
 * lib/extract converts between text offsets and DOM ranges.
 */

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

/** How many characters two strings share at their ends (`fromEnd`) or starts. */
function sharedLength(a: string, b: string, fromEnd: boolean): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && (fromEnd ? a[a.length - 1 - i] === b[b.length - 1 - i] : a[i] === b[i])) i++;
  return i;
}

/**
 * Finds the anchored span in `text`: at its old position when the quote still
 * stands there; else the exact quote, choosing among repeats by how much of the
 * prefix and suffix still match. Null when the quote is gone.
 */
export function locateAnchor(text: string, anchor: TextAnchor): PositionSelector | null {
  const { exact, prefix, suffix } = anchor.quote;
  if (exact.length === 0) return null;
  const { start } = anchor.position;
  if (text.slice(start, start + exact.length) === exact) return { start, end: start + exact.length };

  let best: PositionSelector | null = null;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const context =
      sharedLength(text.slice(Math.max(0, at - prefix.length), at), prefix, true) +
      sharedLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix, false);
    // Among equal context, the place nearest the old position wins.
    const score = context * 1e6 - Math.abs(at - start) / 1e3;
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + exact.length };
    }
  }
  return best;
}
