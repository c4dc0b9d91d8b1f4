/**
 * Benchmark: popup and notebook on a generated collection (issue 6 budgets),
 * on fake-indexeddb in Node — the database work only, not Chromium's own
 * IndexedDB nor painting. fake-indexeddb keeps each index as a sorted array
 * (an insert costs O(entries)), so filling the issue's 100,000 notes (about 3
 * million index entries) does not finish here: the default is 10,000 notes in
 * 500 articles (NOTES env to change); the same run in Chromium is still to do.
 * Reports medians of one run: the popup's first data, search (two- and
 * five-character queries), the notebook's first page, and the index build.
 * Run: `node --import tsx bench/notebook.bench.ts`.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { popupSnapshot, queryArticles, queryNotes, listSites } from '../lib/db/notebook';
import { openDb, type YanduDb } from '../lib/db/schema';
import { rebuildSearchIndex, searchNotes } from '../lib/db/search';
import { listTags } from '../lib/db/tags';
import { HIGHLIGHT_COLORS } from '../lib/protocol/schema';

/** Notes in the big collection (issue 6: 100,000). */
const NOTES = Number(process.env.NOTES ?? 10_000);
/** Notes per article (the issue's 5,000 articles for 100,000 notes). */
const NOTES_PER_ARTICLE = 20;
/** Runs per measure; the median is reported. */
const RUNS = 9;
/** Budgets (ms). */
const BUDGET = { popup: 200, search: 50, notebook: 500 };

/** Phrases of policy texts the notes are built from. */
const PHRASES = `加强基层党组织建设 推进全面从严治党 坚持以人民为中心 落实主体责任 深化改革开放 推动高质量发展 健全治理体系 提升治理能力 坚持问题导向 强化理论武装 做好群众工作 创先争优活动 抓好党员承诺 服务型党组织 网格化管理 乡村振兴战略 生态文明建设 安全生产责任 一岗双责 三会一课 组织生活会 民主评议党员 主题党日 谈心谈话 干部队伍建设 人才强国战略 科技自立自强 共同富裕 数字政府建设 营商环境优化 基层减负 作风建设 廉政教育 意识形态工作 宣传思想工作 统一战线 社会治理创新 应急管理体系 粮食安全 就业优先`.split(' ');

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
}

async function fill(db: YanduDb, notes: number): Promise<number[]> {
  const random = rng(notes);
  const pick = (): string => PHRASES[Math.floor(random() * PHRASES.length)]!;
  const perBatch: number[] = [];
  const articles = Math.ceil(notes / NOTES_PER_ARTICLE);
  await db.articles.bulkAdd(
    Array.from({ length: articles }, (_, a) => ({
      key: `www.gov.cn/zhengce/${a}.htm`, url: `http://www.gov.cn/zhengce/${a}.htm`, title: `关于${pick()}的通知（第${a}号）`,
      site: ['www.gov.cn', 'www.people.com.cn', 'www.12371.cn', 'www.qstheory.cn'][a % 4]!, firstSeenAt: a, lastSeenAt: a,
    })),
  );
  for (let start = 0; start < notes; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, notes - start) }, (_, j) => {
      const i = start + j;
      const exact = `要${pick()}，${pick()}，切实${pick()}。`;
      return {
        id: crypto.randomUUID(), articleKey: `www.gov.cn/zhengce/${Math.floor(i / NOTES_PER_ARTICLE)}.htm`,
        quote: { exact, prefix: '', suffix: '' }, position: { start: i, end: i + exact.length },
        color: HIGHLIGHT_COLORS[i % 5]!, note: i % 3 === 0 ? `结合实际，${pick()}` : '', createdAt: i, updatedAt: i,
        tags: i % 7 === 0 ? [pick().slice(0, 4)] : [], revision: 1, deletedAt: null, unplacedAt: null,
      };
    });
    const t0 = performance.now();
    await db.annotations.bulkAdd(batch);
    perBatch.push(performance.now() - t0);
  }
  return perBatch;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

function row(name: string, ms: number, budget?: number): string {
  return `| ${name} | ${ms.toFixed(1)} ms | ${budget === undefined ? '—' : `< ${budget} ms (${(ms / budget).toFixed(2)}×)`} |`;
}

async function main(): Promise<void> {
  const big = openDb('bench-notebook');
  const t0 = performance.now();
  const batches = await fill(big, NOTES);
  const fillMs = performance.now() - t0;
  const popup = await median(() => Promise.all([popupSnapshot(big, { url: 'http://www.gov.cn/zhengce/3.htm' }), queryNotes(big, {}, 'newest', 0, 20)]));
  const two = await median(() => searchNotes(big, '网格'));
  const five = await median(() => searchNotes(big, '基层党组织'));
  const twoHits = (await searchNotes(big, '网格')).matches.length;
  const fiveHits = (await searchNotes(big, '基层党组织')).matches.length;
  const notebook = await median(() =>
    Promise.all([queryNotes(big, {}, 'newest', 0, 100), queryArticles(big, {}, 0, 100), listSites(big), listTags(big)]),
  );
  const filtered = await median(() => queryNotes(big, { site: 'www.12371.cn', color: 'green' }, 'newest', 0, 100));
  const r0 = performance.now();
  await rebuildSearchIndex(big);
  const rebuild = performance.now() - r0;
  const perTenK = batches.reduce((a, b) => a + b, 0) / batches.length;

  console.log(`Collection: ${Math.ceil(NOTES / NOTES_PER_ARTICLE)} articles, ${NOTES} notes (filled in ${(fillMs / 1000).toFixed(1)} s); fake-indexeddb ${process.version}; median of ${RUNS}.`);
  console.log('| measure | median | budget |');
  console.log('|---|---|---|');
  console.log(row(`popup first data, ${NOTES} notes`, popup, BUDGET.popup));
  console.log(row(`search “网格” over ${NOTES} notes (${twoHits} hits)`, two, BUDGET.search));
  console.log(row(`search “基层党组织” over ${NOTES} notes (${fiveHits} hits)`, five, BUDGET.search));
  console.log(row('notebook first page (100 notes, 100 articles, sites, tags)', notebook, BUDGET.notebook));
  console.log(row('notebook filtered by site and colour (first 100)', filtered));
  console.log(row(`index build while adding a batch of up to 10,000 notes (bulkAdd, mean of ${batches.length})`, perTenK));
  console.log(row(`index rebuild of ${NOTES} notes`, rebuild));
}

await main();
