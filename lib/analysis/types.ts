/**
 * The result of analysing an article's text: whether it is a policy text, and
 * the structural items found in it. Offsets are UTF-16 code-unit offsets into
 * the exact text string given to `analyze()`, so callers can map them back to
 * DOM positions (lib/extract) or to lines of a file (the CLI).
 */

/** The four kinds of automatic marks (DESIGN.md §1; LABELING.md). */
export type ItemKind = 'directive' | 'lead' | 'slogan' | 'parallel';

/** One structural item found in the text. */
export interface AnalysisItem {
  /** What sort of item this is. */
  kind: ItemKind;
  /** The enumeration marker as written (一是, （二）, 第三…) for directives; null otherwise. */
  marker: string | null;
  /** The item's own text after its marker (for a directive, its first sentence). */
  text: string;
  /** Offset where the marked span begins (the marker's first character for directives). */
  start: number;
  /** Offset just past the marked span's last character. */
  end: number;
}

/** Everything the analysis says about one text. */
export interface Analysis {
  /** True when the text sets out or propagates Party or government policy. */
  isPolicy: boolean;
  /** Confidence that the text is a policy text, 0..1. */
  score: number;
  /** The article's title when known. */
  title: string | null;
  /** Items in text order (by `start`). */
  items: AnalysisItem[];
}

/** What `analyze()` takes. */
export interface AnalysisInput {
  /** The article's text; paragraphs separated by "\n". */
  text: string;
  /** The title, if the caller knows it (from the page or the file). */
  title?: string | null;
}
