/**
 * Analysis → what the outline panel shows: the outline tree with each entry's
 * kind, and the distinct formulations with their counts. Pure.
 */
import type { Analysis, AnalysisItem, OutlineNode } from '../analysis';
import type { PanelFormulation, PanelNode } from '@/components/OutlinePanel';

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
