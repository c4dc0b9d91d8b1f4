/**
 * Analysis → what the outline panel shows: the outline tree with each entry's
 * kind, and the distinct formulations with their counts. Pure.
 */
import type { Analysis, AnalysisItem, OutlineNode } from '../analysis/types';
import type { ItemKind } from '../model/kinds';

/** One entry of the outline tree. */
export interface PanelNode {
  /** The analysis item's id (scroll target). */
  id: number;
  /** The item's kind, for its colour. */
  kind: ItemKind;
  /** What the entry says: marker and opening words. */
  label: string;
  /** Entries under it. */
  children: PanelNode[];
}

/** One distinct formulation with how often it occurs. */
export interface PanelFormulation {
  /** The first occurrence's item id (scroll target). */
  id: number;
  /** The formulation's text. */
  text: string;
  /** How many times it stands in the article. */
  count: number;
}

/** The panel's content for one analysis. */
export interface PanelModel {
  /** The outline tree. */
  nodes: PanelNode[];
  /** Distinct formulations in order of first occurrence. */
  formulations: PanelFormulation[];
}

function toPanelNodes(nodes: readonly OutlineNode[], byId: ReadonlyMap<number, AnalysisItem>): PanelNode[] {
  return nodes.map((node) => ({
    id: node.item,
    kind: byId.get(node.item)?.kind ?? 'directive',
    label: node.label,
    children: toPanelNodes(node.children, byId),
  }));
}

export function panelModel(analysis: Analysis): PanelModel {
  const byId = new Map(analysis.items.map((item) => [item.id, item]));
  const formulations = new Map<string, PanelFormulation>();
  for (const item of analysis.items) {
    if (item.kind !== 'slogan') continue;
    const seen = formulations.get(item.text);
    if (seen) seen.count += 1;
    else formulations.set(item.text, { id: item.id, text: item.text, count: 1 });
  }
  return { nodes: toPanelNodes(analysis.outline.nodes, byId), formulations: [...formulations.values()] };
}
