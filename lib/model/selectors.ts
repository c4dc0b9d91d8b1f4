/**
 * How a highlight names its place in an article's text: W3C Web Annotation
 * selectors. Stored in records, sent in messages, made and matched by
 * lib/anchoring.
 */

/** The quoted text with its surroundings (W3C Web Annotation TextQuoteSelector). */
export interface QuoteSelector {
  /** The highlighted text itself. */
  exact: string;
  /** Up to CONTEXT_CHARS (lib/anchoring) characters just before it. */
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
