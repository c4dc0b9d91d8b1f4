/**
 * Bundled into a plain page by bench/notebook.bench.ts: fills a real (Chromium)
 * IndexedDB with a generated collection of notes built from policy sentences,
 * and times the popup's and the notebook's queries on it with the modules the
 * extension ships (lib/db/*), the search index kept by their hooks.
 */
import { popupSnapshot, queryArticles, queryNotes, listSites, type NoteFilter, type NoteSort } from '../lib/db/notebook';
import type { AnnotationRecord, ArticleRecord } from '../lib/db/records';
import { openDb, type YanduDb } from '../lib/db/schema';
import { listTags } from '../lib/db/tags';
import { rng } from '../tests/support/random';
import { HIGHLIGHT_COLORS } from '../lib/protocol/schema';

/** Notes written per bulkAdd (one transaction). */
const FILL_BATCH = 5_000;
/** Start of the generated reading history: 2023-01-01 (ms since epoch). */
const HISTORY_START = Date.UTC(2023, 0, 1);
/** Its length: three years, so a month's date filter holds about 1/36 of the notes. */
const HISTORY_MS = 3 * 365 * 24 * 3600 * 1000;
/** Sites and their weights: a few big ones, a long tail (the smallest holds about 0.5% of the notes). */
const SITES: [string, number][] = [
  ['www.gov.cn', 30], ['www.people.com.cn', 20], ['www.12371.cn', 15], ['www.qstheory.cn', 10], ['www.news.cn', 8],
  ['dangjian.people.com.cn', 6], ['www.gmw.cn', 4], ['www.bjsjs.gov.cn', 3], ['www.ccdi.gov.cn', 2], ['www.moe.gov.cn', 1], ['www.mee.gov.cn', 0.5],
];
/** Tags the reader uses, the first ones most. */
const TAGS = ['三会一课', '基层党建', '主题教育', '组织生活会', '心得体会', '中心组学习', '创先争优', '安全生产', '乡村振兴', '党风廉政', '重点摘录', '待核实', '会议发言', '调研', '宣传'];

/** What the page is given: the sentences notes are cut from. */
export interface FillSpec {
  /** Database name. */
  name: string;
  /** Articles in the collection. */
  articles: number;
  /** Notes in the collection. */
  notes: number;
  /** Sentences of policy text (quotes and notes are cut from them). */
  sentences: string[];
}

/** How the fill went. */
export interface FillResult {
  /** Milliseconds for the whole fill. */
  totalMs: number;
  /** Milliseconds per bulkAdd of FILL_BATCH notes (hooks computing terms included). */
  batchMs: number[];
  /** Index entries (posting keys in `terms`) per note, on average. */
  termsPerNote: number;
  /** Of those, single characters (schema v5; v4 had them only at the end of a run). */
  charsPerNote: number;
  /** Bytes the origin stores after the fill (navigator.storage.estimate), both databases so far. */
  usageBytes: number;
}

/** A posting key of one Han character. */
const CHAR_KEY = /^[\u3400-\u9fff\uf900-\ufaff]\u0001/;

function weighted<T>(random: () => number, items: [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [item, w] of items) if ((at -= w) <= 0) return item;
  return items[items.length - 1]![0];
}

const dbs = new Map<string, YanduDb>();
function db(name: string): YanduDb {
  if (!dbs.has(name)) dbs.set(name, openDb(name));
  return dbs.get(name)!;
}

/** Fills database `spec.name` with `spec.articles` articles and `spec.notes` notes. */
export async function fill(spec: FillSpec): Promise<FillResult> {
  const random = rng(spec.notes + spec.articles);
  const target = db(spec.name);
  const sentence = (): string => spec.sentences[Math.floor(random() * spec.sentences.length)]!;
  const piece = (): string => {
    const s = sentence();
    const start = Math.floor(random() * Math.max(1, s.length - 12));
    return s.slice(start, start + 12 + Math.floor(random() * 60));
  };
  const t0 = performance.now();
  const articles: ArticleRecord[] = Array.from({ length: spec.articles }, (_, a) => {
    const site = weighted(random, SITES);
    const seen = HISTORY_START + Math.floor(random() * HISTORY_MS);
    return { key: `${site}/a/${a}.htm`, url: `http://${site}/a/${a}.htm`, title: `关于${piece().slice(0, 16)}的通知`, site, firstSeenAt: seen, lastSeenAt: seen };
  });
  await target.articles.bulkAdd(articles);
  const tagWeights = TAGS.map((t, i): [string, number] => [t, 1 / (i + 1)]);
  const batchMs: number[] = [];
  let terms = 0;
  let chars = 0;
  for (let start = 0; start < spec.notes; start += FILL_BATCH) {
    const batch: AnnotationRecord[] = [];
    for (let i = start; i < Math.min(spec.notes, start + FILL_BATCH); i++) {
      const article = articles[Math.floor(random() * articles.length)]!;
      const exact = piece();
      const createdAt = article.firstSeenAt + Math.floor(random() * 30 * 24 * 3600 * 1000);
      const tagCount = random() < 0.6 ? 0 : random() < 0.7 ? 1 : 2;
      batch.push({
        id: `n${String(i).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
        articleKey: article.key,
        quote: { exact, prefix: sentence().slice(0, 32), suffix: sentence().slice(0, 32) },
        position: { start: i, end: i + exact.length },
        color: HIGHLIGHT_COLORS[Math.floor(random() * random() * HIGHLIGHT_COLORS.length)]!,
        note: random() < 0.3 ? piece() : '',
        createdAt,
        updatedAt: createdAt,
        tags: [...new Set(Array.from({ length: tagCount }, () => weighted(random, tagWeights)))],
        revision: 1,
        deletedAt: random() < 0.01 ? createdAt + 1000 : null,
        unplacedAt: random() < 0.02 ? createdAt + 1000 : null,
      });
    }
    const b0 = performance.now();
    await target.annotations.bulkAdd(batch);
    batchMs.push(performance.now() - b0);
  }
  await target.tags.bulkPut(TAGS.map((name, i) => ({ name, lastUsedAt: i })));
  const totalMs = performance.now() - t0;
  const { usage } = await navigator.storage.estimate();
  return { totalMs, batchMs, termsPerNote: terms / spec.notes, charsPerNote: chars / spec.notes, usageBytes: usage ?? 0 };
}

/** One measured operation. */
export type Operation =
  | { op: 'notes'; filter: NoteFilter; sort: NoteSort; limit: number }
  | { op: 'notebook' }
  | { op: 'popup'; url: string };

async function runOnce(target: YanduDb, operation: Operation): Promise<number> {
  switch (operation.op) {
    case 'notes':
      return (await queryNotes(target, operation.filter, operation.sort, 0, operation.limit)).rows.length;
    case 'notebook': {
      const [notes] = await Promise.all([queryNotes(target, {}, 'newest', 0, 100), queryArticles(target, {}, 0, 100), listSites(target), listTags(target)]);
      return notes.rows.length;
    }
    case 'popup': {
      const [snapshot, recent] = await Promise.all([popupSnapshot(target, { url: operation.url }), queryNotes(target, {}, 'newest', 0, 20)]);
      return snapshot.page.length + recent.rows.length;
    }
  }
}

/** The median of `runs` timed runs (after one warm-up) and how many rows one run gave. */
export async function measure(name: string, operation: Operation, runs: number): Promise<{ median: number; rows: number }> {
  const target = db(name);
  const rows = await runOnce(target, operation);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await runOnce(target, operation);
    times.push(performance.now() - t0);
  }
  return { median: times.sort((a, b) => a - b)[runs >> 1]!, rows };
}

/** How many live notes contain `query` in quote, note or tags, counted by scanning (the truth to check search against). */
export async function countContaining(name: string, query: string): Promise<number> {
  let n = 0;
  await db(name).annotations.each((note) => {
    if (note.deletedAt === null && (note.quote.exact.includes(query) || note.note.includes(query) || note.tags.some((t) => t.includes(query)))) n++;
  });
  return n;
}

/** An article key of the collection having notes (the popup's page). */
export async function someArticleUrl(name: string): Promise<string> {
  const note = await db(name).annotations.orderBy('createdAt').last();
  return (await db(name).articles.get(note!.articleKey))!.url;
}
