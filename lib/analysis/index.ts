/**
 * Text → Analysis. Pure: no DOM, no globals. The reader script, the CLI and the
 * notebook all call `analyze()`.
 *
 * The text is folded once (normalize.ts), every detector makes its own few
 * linear passes over it, policy.ts weighs the signals, and outline.ts nests
 * the items and counts them.
 */
import { findDirectives } from './directives';
import { findLeads } from './leads';
import { toSource } from './normalize';
import { buildOutline, nest } from './outline';
import { findParallels } from './parallels';
import { judgePolicy } from './policy';
import { findSlogans } from './slogans';
import type { Analysis, AnalysisInput, DetectedItem } from './types';

export type { Analysis, AnalysisInput, AnalysisItem, ItemKind, Outline, OutlineNode } from './types';

/** Analyses one article's text. Never throws on any string input. */
export function analyze(input: AnalysisInput): Analysis {
  const title = input.title ?? null;
  const src = toSource(input.text);
  const directives = findDirectives(src);
  const leads = findLeads(src, directives);
  const detected: DetectedItem[] = [...directives, ...leads, ...findSlogans(src), ...findParallels(src)];
  const verdict = judgePolicy(src.folded, title, detected);
  const shown = verdict.isPolicy || input.force === true ? detected : [];
  shown.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const items = nest(shown);
  return { isPolicy: verdict.isPolicy, score: verdict.score, title, items, outline: buildOutline(items) };
}
