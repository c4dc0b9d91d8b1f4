/**
 * analyze() cut into its phases, each timed: the same steps in the same order
 * as lib/analysis/index.ts runs them for a text whose verdict the detectors
 * decide (every detector runs). bench/analysis.bench.ts times them warm and,
 * bundled, cold (the first call in a fresh process), and checks that the items
 * found here are analyze()'s, so this copy cannot drift from the real thing
 * unnoticed.
 */
import { buildOutline, nest } from '../lib/analysis/outline';
import { findDirectives } from '../lib/analysis/directives';
import { findLeads } from '../lib/analysis/leads';
import { fold, paragraphs } from '../lib/analysis/normalize';
import type { Source } from '../lib/analysis/normalize';
import { findParallels } from '../lib/analysis/parallels';
import { judgePolicy, textSignals } from '../lib/analysis/policy';
import { findSlogans } from '../lib/analysis/slogans';
import type { AnalysisItem } from '../lib/analysis/types';
import { withoutFormulations } from '../lib/analysis/index';

export { analyze } from '../lib/analysis/index';

/** The phases in the order they run. */
export const PHASES = ['fold', 'paragraphs', 'signals', 'directives', 'leads', 'slogans', 'parallels', 'verdict', 'outline'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Runs analyze()'s steps on `text` and returns each phase's time in ms and the
 * items found; `clock` reads the time (in Node, the process's CPU time can stand
 * in for wall time on a loaded machine).
 */
export function phases(text: string, title: string | null = null, clock: () => number = () => performance.now()): { times: Record<Phase, number>; items: AnalysisItem[] } {
  const times = {} as Record<Phase, number>;
  let t = clock();
  const lap = (phase: Phase): void => {
    const now = clock();
    times[phase] = now - t;
    t = now;
  };
  const folded = fold(text);
  lap('fold');
  const src: Source = { original: text, folded, paras: paragraphs(folded) };
  lap('paragraphs');
  const own = textSignals(folded, title);
  lap('signals');
  const directives = findDirectives(src);
  lap('directives');
  const leads = findLeads(src, directives, title);
  lap('leads');
  const slogans = findSlogans(src);
  lap('slogans');
  const parallels = withoutFormulations(findParallels(src), slogans);
  lap('parallels');
  const detected = [...directives, ...leads, ...slogans, ...parallels];
  const verdict = judgePolicy(folded, title, detected, undefined, own);
  lap('verdict');
  const shown = verdict.isPolicy ? detected : [];
  shown.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const items = nest(shown);
  buildOutline(items);
  lap('outline');
  return { times, items };
}
