/**
 * Analysis time per article size (DESIGN.md Budgets: 20,000 characters under
 * 1 ms median), beside one regex pass over the same text measured in the same
 * run. The articles are built from the seed article's own sentences (a policy
 * text with every kind of item), repeated with varied series numbers.
 *
 * Warm numbers are not what a reader meets: the content script runs in a fresh
 * JavaScript context on every page load, so analyze() always runs cold there
 * (functions compiled on first call, regexes compiled on first use, loops
 * interpreted until V8 optimises them). The cold part times the FIRST
 * analyze() call of a fresh context, one context per sample: a fresh `node`
 * process, and a fresh Chromium page (its own browser context, so its own
 * renderer process) that evaluates the bundled module, as the content script does.
 *
 * Where the time goes: each phase of analyze() (bench/analysis-phases.ts:
 * folding, paragraphs, the text's own signals, each detector, the verdict, the
 * outline) timed warm on the 20,000-character article, and cold — the first
 * call in a fresh Node process and in a fresh Chromium page — on the long
 * articles of ../shared/corpus, beside the first regex pass over the same text
 * in the same fresh context (the cold floor). The phases' items are checked
 * against analyze()'s own before anything is timed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { analyze } from '../lib/analysis/index';
import type { AnalysisInput } from '../lib/analysis/index';
import { CHROMIUM_PATH } from '../tests/support/browser';
import { PHASES, phases } from './analysis-phases';
import type { Phase } from './analysis-phases';
import { seedArticle as article, sharedArticles } from './analysis-snapshot';

const SEED = fileURLToPath(new URL('../tests/unit/analysis/fixtures/seed.txt', import.meta.url));
/** Sizes from the issue: a short article, the budget's size, a long report, a hostile megabyte. */
const SIZES = [5_000, 20_000, 100_000, 1_000_000];
/** Runs per size; fewer for the big ones so the whole bench stays under a minute. */
const RUNS: Readonly<Record<number, number>> = { 5_000: 400, 20_000: 200, 100_000: 40, 1_000_000: 5 };
/** The single-pass baseline: a regex that looks at every character once (the 一是 pattern). */
const BASELINE = /[一二三四五六七八九十]是/g;
/** Budget for the 20,000-character article, in ms. */
const BUDGET_MS = 1;

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

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** Fresh contexts per cold measurement: each sample pays a process or browser-context start. */
const COLD_SAMPLES = 15;
/** Article sizes for the cold first call: the seed article itself, and the warm budget's size. */
const COLD_TEXTS: readonly { name: string; text: string }[] = [
  { name: 'seed', text: readFileSync(SEED, 'utf8') },
  { name: '20k', text: article(20_000) },
];
/**
 * The page each cold sample runs in: served by the test's own route (no
 * network), cross-origin isolated so that performance.now() has 5 µs steps
 * rather than 100 µs.
 */
const ISOLATED_PAGE = 'https://cold.test/';
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const ENTRY = fileURLToPath(new URL('../lib/analysis/index.ts', import.meta.url));
const PHASES_ENTRY = fileURLToPath(new URL('./analysis-phases.ts', import.meta.url));

/** A module bundled as a script that sets the global `A`, as the content script bundles the analysis. */
function bundle(entry = ENTRY): string {
  const result = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'A', write: false, target: 'chrome88' });
  return result.outputFiles[0]!.text;
}

/** Node: evaluating the bundle (load) and the first analyze() call, in a fresh process per sample. */
function coldNode(script: string, text: string): { load: number; first: number } {
  const dir = mkdtempSync(join(tmpdir(), 'yd-cold-'));
  try {
    writeFileSync(join(dir, 'a.js'), script);
    writeFileSync(join(dir, 'text.txt'), text);
    const driver = [
      `const fs = require('fs'); const text = fs.readFileSync(${JSON.stringify(join(dir, 'text.txt'))}, 'utf8');`,
      `const code = fs.readFileSync(${JSON.stringify(join(dir, 'a.js'))}, 'utf8');`,
      'const t0 = performance.now(); const A = new Function(code + "; return A;")(); const t1 = performance.now();',
      'A.analyze({ text }); const t2 = performance.now();',
      'console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));',
    ].join('\n');
    const loads: number[] = [];
    const firsts: number[] = [];
    for (let i = 0; i < COLD_SAMPLES; i++) {
      const run = spawnSync(process.execPath, ['-e', driver], { encoding: 'utf8' });
      const sample = JSON.parse(run.stdout) as { load: number; first: number };
      loads.push(sample.load);
      firsts.push(sample.first);
    }
    return { load: median(loads), first: median(firsts) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium: a fresh page in its own browser context per sample; times the bundle's evaluation and the first analyze() call. */
async function coldChromium(script: string, texts: readonly { name: string; text: string }[]): Promise<Map<string, { load: number; first: number }>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  const result = new Map<string, { load: number; first: number }>();
  try {
    for (const { name, text } of texts) {
      const loads: number[] = [];
      const firsts: number[] = [];
      for (let i = 0; i < COLD_SAMPLES; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route(ISOLATED_PAGE, (route) => route.fulfill({ body: '<!doctype html><title>cold</title>', contentType: 'text/html', headers: ISOLATION_HEADERS }));
        await page.goto(ISOLATED_PAGE);
        const sample = await page.evaluate(
          ({ code, input }) => {
            const t0 = performance.now();
            const mod = new Function(`${code}; return A;`)() as { analyze: (i: { text: string }) => unknown };
            const t1 = performance.now();
            mod.analyze({ text: input });
            return { load: t1 - t0, first: performance.now() - t1 };
          },
          { code: script, input: text },
        );
        loads.push(sample.load);
        firsts.push(sample.first);
        await context.close();
      }
      result.set(name, { load: median(loads), first: median(firsts) });
    }
  } finally {
    await browser.close();
  }
  return result;
}

/** Articles of ../shared/corpus at least this long are the "long pages" whose cold first call is cut into phases. */
const LONG_CHARS = 8000;
/** Fresh contexts per long page and phase table (fewer than COLD_SAMPLES: five pages, two engines). */
const PHASE_SAMPLES = 11;

function ms(value: number, digits = 3): string {
  return value.toFixed(digits);
}

/** Median of each phase over `samples`, and the median of their sums. */
function phaseMedians(samples: readonly Record<string, number>[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const key of Object.keys(samples[0]!)) result[key] = median(samples.map((s) => s[key]!));
  result.total = median(samples.map((s) => PHASES.reduce((sum, p) => sum + s[p]!, 0)));
  return result;
}

function phaseRow(label: string, times: Record<string, number>, digits: number): string {
  return `${label.padEnd(26)} ${PHASES.map((p) => ms(times[p]!, digits).padStart(10)).join(' ')} ${ms(times.total!, digits).padStart(9)} ${ms(times.floor!, digits).padStart(9)}`;
}

const PHASE_HEADER = `${'text'.padEnd(26)} ${PHASES.map((p) => p.padStart(10)).join(' ')} ${'total'.padStart(9)} ${'floor'.padStart(9)}`;

/** The phases' items must be analyze()'s, or the phase tables time something else. */
function checkPhases(name: string, input: AnalysisInput): void {
  const full = analyze(input);
  const own = phases(input.text, input.title ?? full.title);
  if (JSON.stringify(own.items) !== JSON.stringify(full.items)) throw new Error(`bench/analysis-phases.ts finds other items than analyze() on ${name}`);
}

/**
 * Node: each phase of the first call in a fresh process per sample, then the
 * first regex pass (the floor) in the same process, in CPU time (1 µs steps).
 */
function coldPhasesNode(script: string, input: AnalysisInput): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'yd-cold-'));
  try {
    writeFileSync(join(dir, 'a.js'), script);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
    const driver = [
      `const fs = require('fs'); const input = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, 'input.json'))}, 'utf8'));`,
      `const A = new Function(fs.readFileSync(${JSON.stringify(join(dir, 'a.js'))}, 'utf8') + "; return A;")();`,
      // CPU time of the process, not wall time: on the shared machine another process's turn would land in a phase.
      'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };',
      'const times = A.phases(input.text, input.title, cpu).times;',
      `const t0 = cpu(); input.text.match(${BASELINE}); times.floor = cpu() - t0;`,
      'console.log(JSON.stringify(times));',
    ].join('\n');
    const samples: Record<string, number>[] = [];
    for (let i = 0; i < PHASE_SAMPLES; i++) samples.push(JSON.parse(spawnSync(process.execPath, ['-e', driver], { encoding: 'utf8' }).stdout) as Record<string, number>);
    return phaseMedians(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium: the same in a fresh page (own browser context) per sample. */
async function coldPhasesChromium(script: string, inputs: readonly [string, AnalysisInput][]): Promise<Map<string, Record<string, number>>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  const result = new Map<string, Record<string, number>>();
  try {
    for (const [name, input] of inputs) {
      const samples: Record<string, number>[] = [];
      for (let i = 0; i < PHASE_SAMPLES; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route(ISOLATED_PAGE, (route) => route.fulfill({ body: '<!doctype html><title>cold</title>', contentType: 'text/html', headers: ISOLATION_HEADERS }));
        await page.goto(ISOLATED_PAGE);
        samples.push(
          await page.evaluate(
            ({ code, text, title, floor }) => {
              const mod = new Function(`${code}; return A;`)() as { phases: (t: string, title: string | null) => { times: Record<string, number> } };
              const times = mod.phases(text, title).times;
              const t0 = performance.now();
              text.match(new RegExp(floor, 'g'));
              times.floor = performance.now() - t0;
              return times;
            },
            { code: script, text: input.text, title: input.title ?? null, floor: BASELINE.source },
          ),
        );
        await context.close();
      }
      result.set(name, phaseMedians(samples));
    }
  } finally {
    await browser.close();
  }
  return result;
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

// Warm, per phase, on the budget's article: median of each phase over the runs.
{
  const text = article(20_000);
  checkPhases('20k', { text });
  const runs = RUNS[20_000]!;
  for (let i = 0; i < Math.min(runs, 20); i++) phases(text);
  const samples: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) samples.push(phases(text).times);
  const times = phaseMedians(samples);
  times.floor = quantile(timeRuns(runs, () => void text.match(BASELINE)), 0.5);
  console.log(`\nwarm, per phase, 20,000 characters: median of ${runs} runs, ms (floor = one regex pass)`);
  console.log(PHASE_HEADER);
  console.log(phaseRow('20k', times, 4));
}

const script = bundle();
console.log(`\ncold: first analyze() in a fresh context, median of ${COLD_SAMPLES} (load = evaluating the bundled module)`);
console.log('text   chars    node load   node first   chromium load   chromium first');
const chromiumTimes = await coldChromium(script, COLD_TEXTS);
for (const { name, text } of COLD_TEXTS) {
  const node = coldNode(script, text);
  const web = chromiumTimes.get(name)!;
  console.log(
    `${name.padEnd(6)} ${String(text.length).padStart(6)} ${node.load.toFixed(2).padStart(9)} ms ${node.first.toFixed(2).padStart(9)} ms ${web.load.toFixed(2).padStart(12)} ms ${web.first.toFixed(2).padStart(13)} ms`,
  );
}

// Cold, per phase, on the long articles of the corpus (when ../shared is there).
const corpus = sharedArticles(undefined, ['corpus']);
const long = Object.entries(corpus)
  .filter(([, input]) => input.text.length >= LONG_CHARS)
  .sort(([, a], [, b]) => b.text.length - a.text.length);
if (long.length === 0) console.log('\ncold per phase: ../shared/corpus not found, skipped');
else {
  for (const [name, input] of long) checkPhases(name, input);
  const phaseScript = bundle(PHASES_ENTRY);
  const web = await coldPhasesChromium(phaseScript, long);
  for (const [engine, table] of [
    ['node (fresh process, CPU time)', new Map(long.map(([name, input]) => [name, coldPhasesNode(phaseScript, input)]))],
    ['chromium (fresh page, wall time)', web],
  ] as const) {
    console.log(`\ncold, per phase, first call in ${engine}: median of ${PHASE_SAMPLES}, ms (floor = the first regex pass in the same context)`);
    console.log(PHASE_HEADER);
    for (const [name, input] of long) {
      const label = `${name.replace(/^corpus\//, '').slice(0, 16)} ${String(input.text.length).padStart(5)} ${analyze(input).isPolicy ? 'P' : '-'}`;
      console.log(phaseRow(label, table.get(name)!, 2));
    }
  }
}
