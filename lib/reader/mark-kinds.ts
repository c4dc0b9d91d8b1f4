/**
 * The reader's settings for automatic marks, applied to one analysis: which
 * kinds are marked at all (a kind switched off in settings is neither marked
 * nor listed in the outline), and the colours each kind is drawn in. Pure.
 */
import type { Analysis, OutlineNode } from '../analysis/types';
import { ALL_KINDS, type ItemKind, type KindColors } from '../model/kinds';

/** A colour the reader chose: "#rrggbb" only, since it goes into a style sheet. */
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
/** How strongly a chosen colour tints the text behind it (the default marks are as light). */
const TINT_ALPHA_HEX = '38';

function keepNodes(nodes: readonly OutlineNode[], kept: ReadonlySet<number>): OutlineNode[] {
  return nodes.flatMap((node) => {
    const children = keepNodes(node.children, kept);
    // A node whose kind is off gives way to its children, which move up a level.
    return kept.has(node.item) ? [{ ...node, children }] : children;
  });
}

/** `analysis` with only the items of `kinds` (the outline pruned to match); the same object when all are on. */
export function onlyKinds(analysis: Analysis, kinds: ReadonlySet<ItemKind>): Analysis {
  if (ALL_KINDS.every((kind) => kinds.has(kind))) return analysis;
  const items = analysis.items.filter((item) => kinds.has(item.kind));
  const kept = new Set(items.map((item) => item.id));
  return { ...analysis, items, outline: { ...analysis.outline, nodes: keepNodes(analysis.outline.nodes, kept) } };
}

/** The page style for the reader's colours; colours that are not "#rrggbb" are ignored. */
export function kindColorStyle(colors: KindColors): string {
  return ALL_KINDS.flatMap((kind) => {
    const color = colors[kind];
    if (!color || !HEX_COLOR.test(color)) return [];
    return [`yd-mark[data-kind="${kind}"] { background: ${color}${TINT_ALPHA_HEX} !important; box-shadow: inset 0 -2px ${color} !important; }`];
  }).join('\n');
}
