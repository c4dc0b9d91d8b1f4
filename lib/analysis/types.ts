/**
 * The result of analysing an article's text: whether it is a policy text, and
 * the structural items found in it. Offsets are UTF-16 code-unit offsets into
 * the exact text string given to `analyze()`, so callers can map them back to
 * DOM positions (lib/extract) or to lines of a file (the CLI).
 */

import type { ItemKind } from '../model/kinds';

/** The four kinds of automatic marks (lib/model/kinds.ts). */
export type { ItemKind };

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
  /** This item's index in `Analysis.items`; stable within one analysis. */
  id: number;
  /** `id` of the lead or directive this item is nested under (outline parent); null at top level. */
  parent: number | null;
}

/** One node of the outline tree: a lead or a directive, with what is nested under it. */
export interface OutlineNode {
  /** `id` of the item this node shows. */
  item: number;
  /** Short display text: the marker (if any) and the opening words. */
  label: string;
  /** Offset of the item in the text (for scrolling to it). */
  start: number;
  /** Items nested under this one, in text order. */
  children: OutlineNode[];
}

/** The article's structure as a tree, with the counts the outline panel shows. */
export interface Outline {
  /** Top-level nodes: leads and top-level headings, in text order. */
  nodes: OutlineNode[];
  /** Number of top-level nodes (方面). */
  sections: number;
  /** Number of directives that are not top-level (举措). */
  measures: number;
  /** Number of distinct formulations (提法). */
  formulations: number;
  /** Number of parallel series (排比). */
  parallels: number;
  /** The counts as the panel shows them, e.g. “4个方面 · 14项举措 · 10个提法”. */
  counts: string;
}

/** Everything the analysis says about one text. */
export interface Analysis {
  /** True when the text sets out or propagates Party or government policy. */
  isPolicy: boolean;
  /** Confidence that the text is a policy text, 0..1. */
  score: number;
  /** The article's title when known. */
  title: string | null;
  /** Items in text order (by `start`); empty when the text is not policy (unless `AnalysisInput.force`). */
  items: AnalysisItem[];
  /** The outline tree built from `items`. */
  outline: Outline;
}

/** What `analyze()` takes. */
export interface AnalysisInput {
  /** The article's text; paragraphs separated by "\n". */
  text: string;
  /** The title, if the caller knows it (from the page or the file). */
  title?: string | null;
  /** Report items even when the text is judged not to be policy (the reader asked for marks). */
  force?: boolean;
  /**
   * The kinds the caller shows (the reader's settings). Given, the verdict is
   * settled early when the text's own signals decide it: a text that cannot be
   * policy runs no detector, and a text that is policy anyway runs only the
   * detectors these kinds need; `score` then counts only what was computed.
   * Left out (the CLI, the scorer), every detector runs and the score is exact.
   */
  wanted?: ReadonlySet<ItemKind>;
}

/**
 * What a detector reports before `analyze()` numbers the items and nests them
 * (internal to lib/analysis; not part of the public result).
 */
export interface DetectedItem {
  /** What sort of item this is. */
  kind: ItemKind;
  /** The marker as written (directives), else null. */
  marker: string | null;
  /** The item's own text after its marker. */
  text: string;
  /** Offset where the marked span begins. */
  start: number;
  /** Offset just past the marked span. */
  end: number;
  /** Nesting level: 0 leads, 1 一、 headings, 2 （一）, 3 一是/第一/首先…, 4 1. 1、, 5 (1), 6 ①; -1 for slogans and parallels. */
  rank: number;
  /** Which series the item belongs to (items of one series share it); -1 when not in a series. */
  series: number;
}
