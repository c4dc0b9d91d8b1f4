/** Shared helpers for the analysis tests: run the engine with marks forced on and pick items by kind. */
import { analyze } from '../../../lib/analysis/index';
import type { AnalysisItem, ItemKind } from '../../../lib/analysis/index';

/** Items of one kind, with marks shown even when the text is too short to read as policy. */
export function itemsOf(text: string, kind: ItemKind): AnalysisItem[] {
  return analyze({ text, force: true }).items.filter((item) => item.kind === kind);
}

/** Marker + text of each directive, the way LABELING.md compares them. */
export function directiveKeys(text: string): string[] {
  return itemsOf(text, 'directive').map((d) => `${d.marker}${d.text}`);
}

/** Distinct slogan texts, in the order first found. */
export function slogansOf(text: string): string[] {
  return [...new Set(itemsOf(text, 'slogan').map((s) => s.text))];
}
