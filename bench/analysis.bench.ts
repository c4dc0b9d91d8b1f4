/**
 * Analysis time per article size (DESIGN.md Budgets: 20,000 characters under
 * 1 ms median), beside one regex pass over the same text measured in the same
 * run. The articles are built from the seed article's own sentences (a policy
 * text with every kind of item), repeated with varied series numbers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analysis/index';

const SEED = fileURLToPath(new URL('../tests/unit/analysis/fixtures/seed.txt', import.meta.url));
/** Sizes from the issue: a short article, the budget's size, a long report, a hostile megabyte. */
const SIZES = [5_000, 20_000, 100_000, 1_000_000];
/** Runs per size; fewer for the big ones so the whole bench stays under a minute. */
const RUNS: Readonly<Record<number, number>> = { 5_000: 400, 20_000: 200, 100_000: 40, 1_000_000: 5 };
/** The single-pass baseline: a regex that looks at every character once (the 一是 pattern). */
const BASELINE = /[一二三四五六七八九十]是/g;
/** Budget for the 20,000-character article, in ms. */
const BUDGET_MS = 1;

function article(size: number): string {
  const seed = readFileSync(SEED, 'utf8');
  const parts: string[] = [];
  let length = 0;
  for (let copy = 0; length < size; copy++) {
    // Vary the text a little per copy so no engine cache sees the same string twice.
    const part = `${seed.replace(/创先争优/g, copy % 2 === 0 ? '创先争优' : '争先创优')}\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

function timeRuns(runs: number, work: () => void): number[] {
  for (let i = 0; i < Math.min(runs, 20); i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

console.log('chars      analyze median   p90        one regex pass   ratio');
for (const size of SIZES) {
  const text = article(size);
  const runs = RUNS[size]!;
  const analysis = timeRuns(runs, () => void analyze({ text }));
  const baseline = timeRuns(runs, () => void text.match(BASELINE));
  const median = quantile(analysis, 0.5);
  const base = quantile(baseline, 0.5);
  const flag = size === 20_000 ? (median < BUDGET_MS ? '  (budget 1 ms: ok)' : '  (budget 1 ms: OVER)') : '';
  console.log(
    `${String(size).padEnd(10)} ${median.toFixed(3).padStart(9)} ms ${quantile(analysis, 0.9).toFixed(3).padStart(9)} ms ${base.toFixed(4).padStart(12)} ms ${(median / base).toFixed(0).padStart(9)}×${flag}`,
  );
}
