/**
 * Wrapping 200 items in <yd-mark> and unwrapping them, in Chromium, on the seed
 * article page (goal: wrapping 200 items under 5 ms). The code is bundled with
 * esbuild and run in a plain page; each sample is a fresh page load.
 */
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, startSiteServer } from '../tests/support/browser';
import type { WrapTiming } from './highlight-entry';

const SAMPLES = 15;
const ITEMS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const bundle = buildSync({ entryPoints: ['bench/highlight-entry.ts'], bundle: true, format: 'iife', globalName: 'YdBench', write: false, target: 'chrome88' });
const code = bundle.outputFiles[0]!.text;
const server = await startSiteServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`] });
const page = await browser.newPage();
const timings: WrapTiming[] = [];
for (let i = 0; i < SAMPLES; i++) {
  await page.goto('http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html');
  await page.addScriptTag({ content: code });
  timings.push(
    await page.evaluate((count) => {
      const bench = (window as unknown as { YdBench: { wrapAndUnwrap: (root: Element, n: number) => WrapTiming } }).YdBench;
      return bench.wrapAndUnwrap(document.querySelector('#rwb_zw')!, count);
    }, ITEMS),
  );
}
console.log(`| step (${ITEMS} items, ${timings[0]!.marks} marks, seed page) | median ms | goal |`);
console.log('|---|---:|---:|');
console.log(`| text map | ${median(timings.map((t) => t.mapMs)).toFixed(2)} | |`);
console.log(`| wrap | ${median(timings.map((t) => t.wrapMs)).toFixed(2)} | < 5 |`);
console.log(`| unwrap | ${median(timings.map((t) => t.unwrapMs)).toFixed(2)} | |`);
await browser.close();
await server.close();
