/**
 * The outline: nests the items (a 一是 series inside a （二） section belongs
 * to it; a lead's paragraphs hold their directives) and counts them the way the
 * panel shows them (“4个方面 · 14项举措 · 10个提法”).
 *
 * One pass with a stack over the items in text order: an item closes every open
 * item of its own rank or lower (a 二是 closes 一是 and whatever 1. 2. were
 * inside it), and an item whose series sibling has begun is closed too; the
 * innermost open item of a higher rank is the parent. Slogans and parallels get
 * the innermost open item as parent but are not nodes of the tree.
 */
import type { AnalysisItem, DetectedItem, Outline, OutlineNode } from './types';

/** Characters of an item's text shown in its outline label. */
const LABEL_CHARS = 24;

interface Open {
  item: AnalysisItem;
  rank: number;
  /** Where this item's scope ends: its next series sibling's start, or never (Infinity). */
  until: number;
}

/** Numbers the detected items (sorted by start) and sets each one's parent. */
export function nest(detected: readonly DetectedItem[]): AnalysisItem[] {
  const nextSibling = new Map<DetectedItem, number>();
  const lastOfSeries = new Map<number, DetectedItem>();
  for (const d of detected) {
    if (d.series < 0) continue;
    const previous = lastOfSeries.get(d.series);
    if (previous) nextSibling.set(previous, d.start);
    lastOfSeries.set(d.series, d);
  }
  const stack: Open[] = [];
  return detected.map((d, id) => {
    const structural = d.rank >= 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.until <= d.start || (structural && top.rank >= d.rank)) stack.pop();
      else break;
    }
    const item: AnalysisItem = {
      kind: d.kind,
      marker: d.marker,
      text: d.text,
      start: d.start,
      end: d.end,
      id,
      parent: stack.length > 0 ? stack[stack.length - 1]!.item.id : null,
    };
    if (structural) stack.push({ item, rank: d.rank, until: nextSibling.get(d) ?? Number.POSITIVE_INFINITY });
    return item;
  });
}

function label(item: AnalysisItem): string {
  const text = item.text.length > LABEL_CHARS ? `${item.text.slice(0, LABEL_CHARS)}…` : item.text;
  return `${item.marker ?? ''}${text}`;
}

/** Builds the outline tree and counts from nested items. */
export function buildOutline(items: readonly AnalysisItem[]): Outline {
  const nodes: OutlineNode[] = [];
  const byId = new Map<number, OutlineNode>();
  for (const item of items) {
    if (item.kind !== 'lead' && item.kind !== 'directive') continue;
    const node: OutlineNode = { item: item.id, label: label(item), start: item.start, children: [] };
    byId.set(item.id, node);
    const parent = item.parent === null ? undefined : byId.get(item.parent);
    if (parent) parent.children.push(node);
    else nodes.push(node);
  }
  // A section (方面) is a lead or a top-level heading with items under it; every other directive is a measure (举措).
  const sectionIds = new Set(
    nodes.filter((n) => items[n.item]?.kind === 'lead' || n.children.length > 0).map((n) => n.item),
  );
  const sections = sectionIds.size;
  const measures = items.filter((i) => i.kind === 'directive' && !sectionIds.has(i.id)).length;
  const formulations = new Set(items.filter((i) => i.kind === 'slogan').map((i) => i.text)).size;
  const parallels = items.filter((i) => i.kind === 'parallel').length;
  return {
    nodes,
    sections,
    measures,
    formulations,
    parallels,
    counts: `${sections}个方面 · ${measures}项举措 · ${formulations}个提法`,
  };
}
