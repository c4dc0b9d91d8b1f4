/**
 * Messages: every message the background answers is validated (schema), an
 * oversize payload of each type is refused in Chinese without touching the
 * database, and messages meant for our own pages only refuse web pages.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { badgeText, checkSender, createDbHandlers, EXTENSION_PAGE_ONLY, type DbHandlers } from '@/lib/protocol/handlers';
import { CommandSchema, MAX_NOTE_CHARS, MAX_REPORTED_NOTES, parseMessage, TabQuerySchema } from '@/lib/protocol/schema';
import { draft } from './drafts';

/** A payload far past any field's limit (1 MB of text). */
const HUGE = '批'.repeat(1_000_000);
/** Deeper than any outline: a nested payload must be refused, not overflow the stack. */
const DEEP_OUTLINE_LEVELS = 5_000;
const EXTENSION_BASE = 'chrome-extension://abcdefghijklmnop/';

let name = '';
let db: YanduDb;
let handlers: DbHandlers;
beforeAll(async () => {
  name = `messages-${crypto.randomUUID()}`;
  db = openDb(name);
  handlers = createDbHandlers(db);
  await handlers.saveAnnotation(draft(1));
});
afterAll(async () => {
  db.close();
  await Dexie.delete(name);
});

/** An outline entry nested `levels` deep. */
function deepOutline(levels: number): unknown {
  let entry: unknown = { kind: 'lead', marker: null, label: '要把', children: [] };
  for (let i = 0; i < levels; i++) entry = { kind: 'lead', marker: null, label: '要把', children: [entry] };
  return entry;
}

const page = draft(0).page;
const analysis = { page, source: '人民网', published: null, counts: '', outline: [], formulations: [] };
const someId = crypto.randomUUID();

/** One oversize payload per message the background answers through the database handlers. */
const OVERSIZE: [keyof DbHandlers, string, unknown][] = [
  ['saveAnnotation', 'note text', { ...draft(2), note: 'x'.repeat(MAX_NOTE_CHARS + 1) }],
  ['saveAnnotation', 'quote', { ...draft(2), quote: { exact: HUGE, prefix: '', suffix: '' } }],
  ['saveAnnotation', 'extra field', { ...draft(2), extra: HUGE }],
  ['saveAnnotation', 'tags', { ...draft(2), tags: Array.from({ length: 1_000 }, (_, i) => `标签${i}`) }],
  ['annotationsForArticle', 'URL', { url: `https://www.gov.cn/${'a'.repeat(100_000)}` }],
  ['recentAnnotations', 'limit', { limit: 1_000_000 }],
  ['updateAnnotation', 'note text', { id: someId, revision: 1, note: HUGE }],
  ['deleteAnnotation', 'id', { id: HUGE }],
  ['restoreAnnotation', 'id', { id: HUGE }],
  ['listTags', 'payload where none is taken', { junk: HUGE }],
  ['reportPlacement', 'id list', { placed: [], unplaced: Array.from({ length: MAX_REPORTED_NOTES + 1 }, () => someId) }],
  ['storageStatus', 'payload where none is taken', { junk: HUGE }],
  ['recordAnalysis', 'outline entries', { ...analysis, outline: Array.from({ length: 1_000 }, () => deepOutline(0)) }],
  ['recordAnalysis', `outline nested ${DEEP_OUTLINE_LEVELS} levels`, { ...analysis, outline: [deepOutline(DEEP_OUTLINE_LEVELS)] }],
  ['recordAnalysis', 'formulation sentences', { ...analysis, formulations: [{ text: '四个全面', count: 1, sentences: [HUGE] }] }],
];

describe('oversize payloads are refused', () => {
  test.each(OVERSIZE)('%s: oversize %s', async (message, _what, payload) => {
    const before = await db.annotations.toArray();
    await expect(handlers[message](payload)).rejects.toThrow(/^消息“\w+”格式无效/);
    expect(await db.annotations.toArray()).toEqual(before);
  });

  test('every database message has an oversize case', () => {
    expect(new Set(OVERSIZE.map(([message]) => message))).toEqual(new Set(Object.keys(handlers)));
  });

  test.each([
    ['reportPage', () => badgeText({ isPolicy: true, directiveCount: 10_000_000 })],
    ['reportPage (extra field)', () => badgeText({ isPolicy: true, directiveCount: 1, junk: HUGE })],
    ['runReaderOnTab', () => parseMessage(TabQuerySchema, { tabId: 1, junk: HUGE }, 'runReaderOnTab')],
    ['runCommand', () => parseMessage(CommandSchema, { command: HUGE }, 'runCommand')],
  ])('%s: oversize refused', (_message, run) => {
    expect(run).toThrow(/^消息“\w+”格式无效/);
  });
});

describe('every message the background answers is validated', () => {
  const source = readFileSync('entrypoints/background.ts', 'utf8');
  const names = [...source.matchAll(/onMessage\('(\w+)'/g)].map((m) => m[1]!);

  test('the background answers some messages', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  test.each(names)('%s goes through a validating handler or parseMessage', (message) => {
    const body = source.slice(source.indexOf(`onMessage('${message}'`)).split(/\n {4}onMessage\(/)[0]!;
    expect(body).toMatch(new RegExp(`handlers\\.${message}\\(data\\)|parseMessage\\(|badgeText\\(data\\)`));
  });
});

describe('messages for our own pages only', () => {
  test.each([...EXTENSION_PAGE_ONLY])('%s: refused from a web page, answered from an extension page', (message) => {
    expect(() => checkSender(message, 'https://www.gov.cn/zhengce/a.html', EXTENSION_BASE)).toThrow('只接受研读自己的页面发送');
    expect(() => checkSender(message, undefined, EXTENSION_BASE)).toThrow('只接受研读自己的页面发送');
    expect(() => checkSender(message, `${EXTENSION_BASE}popup.html`, EXTENSION_BASE)).not.toThrow();
  });

  test.each(['saveAnnotation', 'annotationsForArticle', 'reportPlacement'])('%s: content scripts may send it', (message) => {
    expect(() => checkSender(message, 'https://www.gov.cn/zhengce/a.html', EXTENSION_BASE)).not.toThrow();
  });

  test.each([...EXTENSION_PAGE_ONLY])('%s: the background checks the sender', (message) => {
    const source = readFileSync('entrypoints/background.ts', 'utf8');
    expect(source).toContain(`checkSender('${message}', sender.url`);
  });
});
