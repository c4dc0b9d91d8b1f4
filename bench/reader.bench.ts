/**
 * The reader script on real pages (issue 14), in Chromium with the release build:
 * every page of ../shared/corpus and ../shared/pages, each loaded RUNS times in a
 * fresh tab. Per page: the reader's median `data-yd-ms`, its median phases
 * (`data-yd-phases`), and Readability's cold first parse (clone + parse at
 * DOMContentLoaded, in the page's own world, on a host where no reader runs) of
 * the same bytes in the same run. A page where the reader did not run (it
 * navigates away, an error) is reported as such and left out of the medians.
 * Budget (DESIGN.md): median ≤ 1.5×, no page above 3×; pages that are not policy
 * ≤ 1.2× (issue 14). `YD_BENCH_PAGES=a,b` measures only pages whose names contain a or b;
 * `YD_BENCH_RUNS=n` changes the loads per page. Last: what the content script's compile hint
 * (scripts/compile-hint.ts) costs at injection, and with `YD_BENCH_HINT_AB=1` the wait from
 * navigation to done with the hint and without it, on 127.0.0.1 and on a slow line.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { parsePhases, PHASES, type PhaseTimes } from '../lib/page-state';
import { READER_EARLY_SCRIPT_FILE, READER_SCRIPT_FILE } from '../lib/model/scripts';
import { EAGER_COMPILE_HINT } from '../scripts/compile-hint';
import { launchWithExtension, RELEASE_EXTENSION_DIR, startSiteServer } from '../tests/support/browser';

/** Loads per page, each in a fresh tab; medians are reported. */
const RUNS = Number(process.env.YD_BENCH_RUNS ?? 5);
const SHARED_DIR = resolve('../shared');
const FOLDERS = ['corpus', 'pages'];
const READABILITY_JS = resolve('node_modules/@mozilla/readability/Readability.js');
/** Where the reader runs by itself (an official site), and where it does not. */
const READER_HOST = 'www.gov.cn';
const BARE_HOST = 'bench.example.org';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const only = process.env.YD_BENCH_PAGES;
const pages = FOLDERS.flatMap((folder) => {
  const dir = `${SHARED_DIR}/${folder}`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html') && (!only || only.split(',').some((part) => file.includes(part))))
    .sort()
    .map((file) => ({ folder, file, path: `${dir}/${file}` }));
});
if (pages.length === 0) {
  console.log(`(no pages under ${SHARED_DIR}/{${FOLDERS.join(',')}}: nothing to measure)`);
  process.exit(0);
}
const routes = new Map<string, string>(
  pages.flatMap(({ folder, file, path }) => [
    [`${READER_HOST}/${folder}/${file}`, path] as const,
    [`${BARE_HOST}/${folder}/${file}`, path] as const,
  ]),
);
// An empty page of the bare host, where the content script's compile is measured (end of this file).
routes.set(`${BARE_HOST}/blank`, resolve('bench/blank.html'));

const server = await startSiteServer(routes);
const browser = await launchWithExtension(server.port, { extensionDir: RELEASE_EXTENSION_DIR });
const readabilitySource = readFileSync(READABILITY_JS, 'utf8');
// Readability alone, as the reader meets it: on the freshly parsed page (DOMContentLoaded), cold (a new
// tab, its first parse), clone + parse, in the page's own world on the bare host, where no content script runs.
await browser.context.addInitScript(`
  if (location.host === '${BARE_HOST}') {
    document.addEventListener('DOMContentLoaded', () => {
      const Readability = (function () { ${readabilitySource}; return Readability; })();
      const start = performance.now();
      const parsed = new Readability(document.cloneNode(true)).parse();
      window.__ydParse = { ms: performance.now() - start, chars: parsed && parsed.textContent ? parsed.textContent.length : 0 };
    });
  }
`);

/** One load of the page with the reader: its figures, or why it did not run. */
async function readerLoad(url: string): Promise<{ ms: number; phases: PhaseTimes | null; policy: boolean } | string> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
    await page.waitForSelector('html[data-yd-state="done"]', { state: 'attached', timeout: 10_000 });
    if (page.url() !== url) return `navigates away (to ${new URL(page.url()).protocol}//…)`;
    const [ms, phases, policy] = await Promise.all([
      page.getAttribute('html', 'data-yd-ms'),
      page.getAttribute('html', 'data-yd-phases'),
      page.getAttribute('html', 'data-yd-policy'),
    ]);
    // Done in no time with every phase at 0: the page's own script moved it on before the reader read it.
    if (Number(ms) === 0 && PHASES.every((phase) => (parsePhases(phases)?.[phase] ?? 0) === 0)) return 'done without reading (data-yd-ms 0.0)';
    return { ms: Number(ms), phases: parsePhases(phases), policy: policy === 'true' };
  } catch (error) {
    return page.url() !== url ? `navigates away (to ${page.url().split(':')[0]}:)` : `did not finish (${(error as Error).message.split('\n')[0]})`;
  } finally {
    await page.close();
  }
}

/** One cold Readability parse of the same bytes; null when the page would not stay (it navigates away). */
async function readabilityLoad(url: string): Promise<{ ms: number; chars: number } | null> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const handle = await page.waitForFunction(() => (window as unknown as { __ydParse?: unknown }).__ydParse, undefined, { timeout: 15_000 });
    return (await handle.jsonValue()) as { ms: number; chars: number };
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

interface Row {
  name: string;
  ratio: number;
  policy: boolean;
}
const rows: Row[] = [];
const missed: string[] = [];
console.log(`| page | chars | policy | reader ms | ${PHASES.join(' | ')} | rest | Readability ms | ratio |`);
console.log(`|---|---:|---|---:|${PHASES.map(() => '---:').join('|')}|---:|---:|---:|`);
for (const { folder, file } of pages) {
  const name = `${folder}/${file}`;
  const reader: { ms: number; phases: PhaseTimes | null; policy: boolean }[] = [];
  const parse: { ms: number; chars: number }[] = [];
  let failure: string | null = null;
  for (let run = 0; run < RUNS && failure === null; run++) {
    const load = await readerLoad(`http://${READER_HOST}/${folder}/${file}`);
    if (typeof load === 'string') {
      failure = load;
      break;
    }
    reader.push(load);
    const parsed = await readabilityLoad(`http://${BARE_HOST}/${folder}/${file}`);
    if (parsed === null) failure = 'Readability alone did not finish on the same bytes';
    else parse.push(parsed);
  }
  if (failure !== null) {
    missed.push(name);
    console.log(`| ${name} | – | – | not run: ${failure} | ${PHASES.map(() => '').join(' | ')} | | – | left out |`);
    continue;
  }
  const readerMs = median(reader.map((r) => r.ms));
  const parseMs = median(parse.map((p) => p.ms));
  const phases = PHASES.map((phase) => median(reader.map((r) => r.phases?.[phase] ?? 0)).toFixed(1));
  // The rest of data-yd-ms: waits outside the phases (settings, the page's own tasks between them).
  const rest = median(reader.map((r) => r.ms - PHASES.reduce((sum, phase) => sum + (r.phases?.[phase] ?? 0), 0))).toFixed(1);
  const policy = reader.filter((r) => r.policy).length * 2 > reader.length;
  const ratio = readerMs / parseMs;
  rows.push({ name, ratio, policy });
  console.log(`| ${name} | ${parse[0]!.chars} | ${policy ? 'yes' : 'no'} | ${readerMs.toFixed(1)} | ${phases.join(' | ')} | ${rest} | ${parseMs.toFixed(1)} | ${ratio.toFixed(2)}× |`);
}

const summary = (label: string, list: readonly Row[], goal: string): void => {
  if (list.length === 0) return;
  const worst = list.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const over3 = list.filter((r) => r.ratio > 3).length;
  console.log(`${label}: median ${median(list.map((r) => r.ratio)).toFixed(2)}× over ${list.length} pages (${goal}); worst ${worst.ratio.toFixed(2)}× (${worst.name}); above 3×: ${over3}`);
};
console.log('');
summary('all pages the reader ran on', rows, 'goal ≤ 1.5×, none above 3×');
summary('policy pages', rows.filter((r) => r.policy), '—');
summary('pages that are not policy', rows.filter((r) => !r.policy), 'goal ≤ 1.2×');
if (missed.length > 0) console.log(`left out (the reader did not run): ${missed.join(', ')}`);

const bundle = readFileSync(`${RELEASE_EXTENSION_DIR}/${READER_SCRIPT_FILE}`);
const early = readFileSync(`${RELEASE_EXTENSION_DIR}/${READER_EARLY_SCRIPT_FILE}`);
console.log(
  `content scripts: the reader ${(bundle.length / 1024).toFixed(1)} kB, ${gzipSync(bundle).length} B gzipped; the early read ` +
    `${(early.length / 1024).toFixed(1)} kB, ${gzipSync(early).length} B gzipped; together ${gzipSync(bundle).length + gzipSync(early).length} B (budget 60,000 B)`,
);

/**
 * What the content script's compile hint (its first line, scripts/compile-hint.ts) costs where it is paid: compiling the
 * script when it is injected, at document_start, before the page's parser goes on. The built script is compiled
 * (and not run: it throws at once) in a fresh page, with its first line and without, alternately; each copy ends
 * in a comment of its own so that no compile is answered from V8's cache of an earlier one.
 */
const COMPILE_RUNS = 15;
const HINT = `${EAGER_COMPILE_HINT}\n`;
const script = bundle.toString('utf8');
if (script.startsWith(HINT)) {
  const body = `window.__ydCompiled = performance.now(); throw 0;\n${script.slice(HINT.length)}`;
  const compileMs = async (source: string): Promise<number> => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`http://${BARE_HOST}/blank`);
      return await page.evaluate((text) => {
        const element = document.createElement('script');
        element.textContent = text;
        const start = performance.now();
        document.head.append(element);
        return (window as unknown as { __ydCompiled: number }).__ydCompiled - start;
      }, source);
    } finally {
      await page.close();
    }
  };
  const lazy: number[] = [];
  const eager: number[] = [];
  for (let run = 0; run < COMPILE_RUNS; run++) {
    lazy.push(await compileMs(`${body}\n// ${run} lazy`));
    eager.push(await compileMs(`${HINT}${body}\n// ${run} eager`));
  }
  console.log(
    `compile at injection (document_start), median of ${COMPILE_RUNS}: lazy ${median(lazy).toFixed(1)} ms, ` +
      `every function (the hint) ${median(eager).toFixed(1)} ms: ${(median(eager) - median(lazy)).toFixed(1)} ms more before the page is parsed`,
  );

  if (process.env.YD_BENCH_HINT_AB) await hintAB(script.slice(HINT.length));
} else {
  console.log('compile at injection: the content script has no compile hint as its first line');
}

/**
 * `YD_BENCH_HINT_AB=1`: whether the hint shortens the wait a reader sees, from navigation to done (the page's
 * DOMContentLoaded plus `data-yd-ms`), or only moves the compile out of `data-yd-ms`. The release build against
 * the same build without its first line, in two browsers, loaded in turns: on 127.0.0.1 (the whole page at once,
 * so the compile at injection holds up the parser) and on a slow line (NETWORK below: the parser waits for bytes).
 */
async function hintAB(withoutHint: string): Promise<void> {
  const lazyDir = await mkdtemp(join(tmpdir(), 'yandu-lazy-'));
  cpSync(RELEASE_EXTENSION_DIR, lazyDir, { recursive: true });
  writeFileSync(`${lazyDir}/content-scripts/reader.js`, withoutHint);
  const lazyBrowser = await launchWithExtension(server.port, { extensionDir: lazyDir });
  /** A slow office line: 40 ms round trip, 2 Mbit/s down. */
  const NETWORK = { offline: false, latency: 40, downloadThroughput: 250_000, uploadThroughput: 125_000 };
  const navigationToDone = async (which: typeof browser, url: string, slow: boolean): Promise<number | null> => {
    const page = await which.context.newPage();
    try {
      if (slow) await (await which.context.newCDPSession(page)).send('Network.emulateNetworkConditions', NETWORK);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.waitForSelector('html[data-yd-state="done"]', { state: 'attached', timeout: 30_000 });
      return await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return navigation!.domContentLoadedEventStart + Number(document.documentElement.getAttribute('data-yd-ms'));
      });
    } catch {
      return null;
    } finally {
      await page.close();
    }
  };
  console.log('\nnavigation to done (median ms; with the hint / without it):');
  for (const slow of [false, true]) {
    const differences: number[] = [];
    for (const { folder, file } of pages) {
      const name = `${folder}/${file}`;
      if (missed.includes(name)) continue;
      const url = `http://${READER_HOST}/${folder}/${file}`;
      const eager: number[] = [];
      const lazy: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const a = await navigationToDone(browser, url, slow);
        const b = await navigationToDone(lazyBrowser, url, slow);
        if (a !== null && b !== null) eager.push(a), lazy.push(b);
      }
      if (eager.length === 0) continue;
      differences.push(median(eager) - median(lazy));
      console.log(`| ${slow ? 'slow line' : '127.0.0.1'} | ${name} | ${median(eager).toFixed(1)} | ${median(lazy).toFixed(1)} |`);
    }
    console.log(`${slow ? 'slow line' : '127.0.0.1'}: the hint changes navigation to done by a median ${median(differences).toFixed(1)} ms per page (${differences.length} pages)`);
  }
  await lazyBrowser.close();
  await rm(lazyDir, { recursive: true, force: true });
}
await browser.close();
await server.close();
