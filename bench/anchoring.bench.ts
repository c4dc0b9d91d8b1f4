/**
 * Benchmark: re-attaching 500 saved notes on one long article (DESIGN.md budget:
 * under 100 ms). Two pages: the unchanged article, and a changed one (a
 * paragraph inserted at the top, paragraphs re-wrapped, 5 % of the quoted
 * sentences edited, 1 % removed) that exercises the exact and fuzzy steps.
 * Prints the median of several runs of each, from one process.
 * Run: `node --import tsx bench/anchoring.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { matchAll } from '../lib/anchoring/match';
import { describeSpan } from '../lib/anchoring/quote';
import type { TextAnchor } from '../lib/model/selectors';

/** The budget of DESIGN.md for 500 highlights. */
const BUDGET_MS = 100;
/** Notes on the page. */
const NOTES = 500;
/** Runs per scenario; the median is reported. */
const RUNS = 15;
/** Copies of the seed article's paragraphs, each numbered, to make a long article (~ 25,000 characters). */
const COPIES = 8;

const seed = readFileSync(new URL('../tests/fixtures/text/seed-shijingshan-chuangxian.txt', import.meta.url), 'utf8');
const paragraphs = seed.split('\n').filter((line) => line.trim().length > 20);
const article = Array.from({ length: COPIES }, (_, copy) =>
  paragraphs.map((p, i) => `（${copy + 1}.${i + 1}）${p}`).join('\n'),
).join('\n');

/** A small deterministic generator, so every run places the same notes. */
function random(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const next = random(42);
const anchors: TextAnchor[] = Array.from({ length: NOTES }, () => {
  const length = 8 + Math.floor(next() * 50);
  const start = Math.floor(next() * (article.length - length));
  return describeSpan(article, start, start + length);
});

/** The changed page: an inserted paragraph, re-wrapped lines, edited and removed quotes. */
function changedArticle(): string {
  let text = `编者按：本文有删改。\n${article}`.replace(/。/g, '。\n  ');
  anchors.forEach((anchor, i) => {
    const exact = anchor.quote.exact;
    if (i % 100 === 0) text = text.replaceAll(exact, "");
    else if (i % 20 === 0 && exact.length >= 20) text = text.replace(exact, exact.slice(0, 10) + '新' + exact.slice(11));
  });
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(name: string, text: string): number {
  const times: number[] = [];
  let placed = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const found = matchAll(text, anchors);
    times.push(performance.now() - t0);
    placed = found.filter((f) => f !== null).length;
  }
  const ms = median(times);
  console.log(`${name}: ${NOTES} notes on ${text.length} characters, median ${ms.toFixed(2)} ms (${placed} placed), ${(ms / BUDGET_MS).toFixed(2)}× budget`);
  return ms;
}

const unchanged = measure('anchoring, unchanged page', article);
const changed = measure('anchoring, changed page', changedArticle());
console.log(`changed / unchanged: ${(changed / unchanged).toFixed(1)}×; budget ${BUDGET_MS} ms: ${changed < BUDGET_MS ? 'met' : 'MISSED'}`);
