/**
 * Benchmark: exporting 1,000 notes to .docx (issue 7 budget: under 2 s), the
 * whole way to the zipped bytes, median of several runs in one process; beside
 * it the same record as Markdown (no zip, no XML) and 5,000 notes, to show how
 * the time grows. The notes are built from the seed article's sentences.
 * Run: `node --import tsx bench/export.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderDocx } from '../lib/export/docx';
import { renderMarkdown } from '../lib/export/markdown';
import type { OutlineEntry, StudyArticle, StudyRecord } from '../lib/export/types';
import { HIGHLIGHT_COLORS } from '../lib/model/colors';

/** The budget of issue 7 for 1,000 notes, in ms. */
const BUDGET_MS = 2_000;
/** Runs per size after one warm-up; the median is reported. */
const RUNS = 7;
/** Articles the notes are spread over (a month of study). */
const ARTICLES = 20;

const seed = readFileSync(new URL('../tests/fixtures/export/seed-shijingshan-chuangxian.txt', import.meta.url), 'utf8');
const sentences = seed.split(/(?<=[。；！？])/).map((s) => s.trim()).filter((s) => s.length > 10);

/** An outline like the seed article's: four leads of five directives each. */
function outline(): OutlineEntry[] {
  return Array.from({ length: 4 }, (_, i) => ({
    kind: 'lead' as const,
    marker: null,
    label: sentences[i]!,
    children: ['一是', '二是', '三是', '四是', '五是'].map((marker, j) => ({
      kind: 'directive' as const,
      marker,
      label: sentences[(i * 5 + j + 4) % sentences.length]!,
      children: [],
    })),
  }));
}

function record(notes: number): StudyRecord {
  const articles: StudyArticle[] = Array.from({ length: ARTICLES }, (_, a) => ({
    title: `紧抓工作重点 突出实践特色（${a + 1}）`,
    url: `http://dangjian.people.com.cn/n1/2026/11${String(a + 1).padStart(2, '0')}/c1-${a}.html`,
    site: 'dangjian.people.com.cn',
    source: '人民网-中国共产党新闻网',
    published: '2026-11-20',
    outline: outline(),
    highlights: [],
  }));
  for (let i = 0; i < notes; i++) {
    articles[i % ARTICLES]!.highlights.push({
      id: `note-${i}`,
      quote: sentences[i % sentences.length]!,
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
      position: i * 37,
      note: i % 3 === 0 ? '' : `第${i}条心得：${sentences[(i * 7) % sentences.length]!}`,
      tags: i % 4 === 0 ? ['三会一课', '组织建设'] : [],
      createdAt: Date.UTC(2026, 10, 20) + i * 60_000,
    });
  }
  return { title: '', studyDate: '2026-11-28', articles };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<number> {
  const thousand = record(1_000);
  const bytes = (await renderDocx(thousand)).byteLength;
  const docx1k = await median(() => renderDocx(thousand));
  const md1k = await median(async () => renderMarkdown(thousand));
  const five = record(5_000);
  const docx5k = await median(() => renderDocx(five));
  const ok = docx1k < BUDGET_MS;
  console.log(`docx, 1,000 notes (${ARTICLES} articles, ${Math.round(bytes / 1024)} kB): median ${docx1k.toFixed(0)} ms of ${RUNS} runs; budget ${BUDGET_MS} ms → ${ok ? 'OK' : 'OVER'} (${((docx1k / BUDGET_MS) * 100).toFixed(0)} % of budget)`);
  console.log(`markdown, 1,000 notes: median ${md1k.toFixed(1)} ms (docx/markdown ${(docx1k / md1k).toFixed(0)}×)`);
  console.log(`docx, 5,000 notes: median ${docx5k.toFixed(0)} ms (${(docx5k / docx1k).toFixed(1)}× the 1,000-note time)`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
