/**
 * Sync through a real WebDAV server (rclone on 127.0.0.1), in Node with
 * fake-indexeddb standing in for the browser's IndexedDB (slower than the real
 * one, so times are upper bounds): sending 10,000 notes from one device,
 * receiving them on an empty device, and one new note between two synced
 * devices (median of several). Requests are counted by verb.
 */
import 'fake-indexeddb/auto';
import { saveAnnotation } from '../lib/db/annotations';
import type { AnnotationRecord, ArticleRecord } from '../lib/model/records';
import type { YanduDb } from '../lib/db/database';
import { openDb } from '../lib/db/schema';
import { syncOnce, type SyncCursor } from '../lib/sync/engine';
import { DavClient, type Fetch } from '../lib/sync/webdav';
import { DAV_PASSWORD, DAV_USER, startDavServer } from '../tests/support/webdav-server';

const NOTES = 10_000;
const ARTICLES = 200;
const ONE_NOTE_RUNS = 7;

const server = await startDavServer();
const counts = new Map<string, number>();
const counting: Fetch = (input, init) => {
  const verb = init?.method ?? 'GET';
  counts.set(verb, (counts.get(verb) ?? 0) + 1);
  return fetch(input, init);
};
function takeCounts(): string {
  const text = [...counts.entries()].map(([verb, n]) => `${verb} ${n}`).join(', ');
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  counts.clear();
  return `${total} requests (${text})`;
}

function device(name: string): { db: YanduDb; sync: () => Promise<unknown> } {
  const db = openDb(`bench-${name}`);
  let cursor: SyncCursor = { device: name, seq: 0, taken: {} };
  const client = new DavClient({ url: server.url, user: DAV_USER, password: DAV_PASSWORD }, counting);
  return { db, sync: () => syncOnce(db, client, cursor, { saveCursor: async (next) => void (cursor = next) }) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

try {
  const a = device('a');
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, i) => ({
    key: `www.gov.cn/zhengce/${i}`, url: `http://www.gov.cn/zhengce/${i}`, title: `第${i}篇文章`, site: 'www.gov.cn', firstSeenAt: 1, lastSeenAt: 1,
  }));
  const notes: AnnotationRecord[] = Array.from({ length: NOTES }, (_, i) => ({
    id: crypto.randomUUID(), articleKey: articles[i % ARTICLES]!.key,
    quote: { exact: `要把第${i}项工作摆在更加突出的位置，抓实抓细`, prefix: '前文', suffix: '后文' }, position: { start: i, end: i + 20 },
    color: 'yellow', note: i % 3 === 0 ? `第${i}条体会：对照检查，逐项落实` : '', createdAt: i, updatedAt: i, tags: [], revision: 1, deletedAt: null, unplacedAt: null,
  }));
  const bytes = new TextEncoder().encode(JSON.stringify(notes)).length;
  await a.db.articles.bulkAdd(articles);
  await a.db.annotations.bulkAdd(notes);

  const push = await timed(a.sync);
  console.log(`send ${NOTES} notes (${(bytes / 1e6).toFixed(1)} MB as JSON): ${push.toFixed(0)} ms, ${takeCounts()}`);
  const b = device('b');
  const pull = await timed(b.sync);
  console.log(`receive ${NOTES} notes on an empty device: ${pull.toFixed(0)} ms, ${takeCounts()}`);

  const sends: number[] = [];
  const receives: number[] = [];
  let sendRequests = '';
  let receiveRequests = '';
  for (let i = 0; i < ONE_NOTE_RUNS; i += 1) {
    await saveAnnotation(a.db, {
      page: { url: 'http://www.gov.cn/zhengce/new', title: '新文章' },
      quote: { exact: `新的一条${i}`, prefix: '', suffix: '' }, position: { start: 0, end: 5 }, color: 'green', note: '',
    });
    sends.push(await timed(a.sync));
    sendRequests = takeCounts();
    receives.push(await timed(b.sync));
    receiveRequests = takeCounts();
  }
  console.log(`one new note, sending device: median ${median(sends).toFixed(0)} ms, ${sendRequests}`);
  console.log(`one new note, receiving device: median ${median(receives).toFixed(0)} ms, ${receiveRequests}`);
  console.log(`received on b: ${await b.db.annotations.count()} notes (a has ${await a.db.annotations.count()})`);
} finally {
  await server.close();
}
