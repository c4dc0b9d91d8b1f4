/**
 * Messages: every message the background answers is validated (schema), an
 * oversize payload of each type is refused in Chinese without touching the
 * database, and messages meant for our own pages only refuse web pages. The
 * messages are the entries of the one table (lib/protocol/messages.ts).
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { answerers, MESSAGES, type Answerers, type MessageName } from '@/lib/protocol/messages';
import { CommandSchema, MAX_NOTE_CHARS, MAX_REPORTED_NOTES, parseMessage } from '@/lib/protocol/schema';
import { createDbHandlers, EXTENSION_BASE, type DbHandlers, type Effects } from '../support/answers';
import { draft } from './drafts';

/** A payload far past any field's limit (1 MB of text). */
const HUGE = '批'.repeat(1_000_000);
/** Deeper than any outline: a nested payload must be refused, not overflow the stack. */
const DEEP_OUTLINE_LEVELS = 5_000;

let name = '';
let db: YanduDb;
let handlers: DbHandlers;
const effects: Effects = { badges: [], runs: [] };
beforeAll(async () => {
  name = `messages-${crypto.randomUUID()}`;
  db = openDb(name);
  handlers = createDbHandlers(db, effects);
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

/** One oversize payload per message the background answers. */
const OVERSIZE: [MessageName, string, unknown][] = [
  ['saveAnnotation', 'note text', { ...draft(2), note: 'x'.repeat(MAX_NOTE_CHARS + 1) }],
  ['saveAnnotation', 'quote', { ...draft(2), quote: { exact: HUGE, prefix: '', suffix: '' } }],
  ['saveAnnotation', 'extra field', { ...draft(2), extra: HUGE }],
  ['saveAnnotation', 'tags', { ...draft(2), tags: Array.from({ length: 1_000 }, (_, i) => `标签${i}`) }],
  ['annotationsForArticle', 'URL', { url: `https://www.gov.cn/${'a'.repeat(100_000)}` }],
  ['updateAnnotation', 'note text', { id: someId, revision: 1, note: HUGE }],
  ['deleteAnnotation', 'id', { id: HUGE }],
  ['restoreAnnotation', 'id', { id: HUGE }],
  ['listTags', 'payload where none is taken', { junk: HUGE }],
  ['reportPlacement', 'id list', { placed: [], unplaced: Array.from({ length: MAX_REPORTED_NOTES + 1 }, () => someId) }],
  ['storageStatus', 'payload where none is taken', { junk: HUGE }],
  ['recordAnalysis', 'outline entries', { ...analysis, outline: Array.from({ length: 1_000 }, () => deepOutline(0)) }],
  ['recordAnalysis', `outline nested ${DEEP_OUTLINE_LEVELS} levels`, { ...analysis, outline: [deepOutline(DEEP_OUTLINE_LEVELS)] }],
  ['recordAnalysis', 'formulation sentences', { ...analysis, formulations: [{ text: '四个全面', count: 1, sentences: [HUGE] }] }],
  ['reportPage', 'directive count', { isPolicy: true, directiveCount: 10_000_000 }],
  ['reportPage', 'extra field', { isPolicy: true, directiveCount: 1, junk: HUGE }],
  ['runReaderOnTab', 'extra field', { tabId: 1, junk: HUGE }],
];

describe('oversize payloads are refused', () => {
  test.each(OVERSIZE)('%s: oversize %s', async (message, _what, payload) => {
    const before = await db.annotations.toArray();
    await expect(handlers[message](payload)).rejects.toThrow(/^消息“\w+”格式无效/);
    expect(await db.annotations.toArray()).toEqual(before);
    expect(effects).toEqual({ badges: [], runs: [] });
  });

  test('every message the background answers has an oversize case', () => {
    expect(new Set(OVERSIZE.map(([message]) => message))).toEqual(new Set(Object.keys(MESSAGES)));
  });

  test.each([
    ['runCommand', () => parseMessage(CommandSchema, { command: HUGE }, 'runCommand')],
  ])('%s: oversize refused', (_message, run) => {
    expect(run).toThrow(/^消息“\w+”格式无效/);
  });
});

describe('every message the background answers is validated', () => {
  const names = Object.keys(MESSAGES) as MessageName[];

  test('the background answers some messages', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  test('the background answers every message through the table', () => {
    const source = readFileSync('entrypoints/background.ts', 'utf8');
    expect(source).toMatch(/listen\(\(type, data, sender\) => answerMessage\(answers, type, data, sender\)\)/);
    expect(source).not.toMatch(/onMessage\(/);
  });

  test.each(names)('%s goes through its schema before it is answered', async (message) => {
    const before = await db.annotations.toArray();
    await expect(handlers[message]('不是消息')).rejects.toThrow(`消息“${message}”格式无效`);
    expect(await db.annotations.toArray()).toEqual(before);
    expect(effects).toEqual({ badges: [], runs: [] });
  });
});

describe('messages for our own pages only', () => {
  const EXTENSION_PAGE_ONLY = (Object.keys(MESSAGES) as MessageName[]).filter((message) => MESSAGES[message].from === 'extension');
  const WEB_PAGE = 'https://www.gov.cn/zhengce/a.html';
  /** A valid payload of each message the senders' tests send. */
  const VALID: Partial<Record<MessageName, unknown>> = {
    runReaderOnTab: { tabId: 1 },
    saveAnnotation: draft(3),
    annotationsForArticle: { url: page.url },
    reportPlacement: { placed: [], unplaced: [] },
  };
  const answers = (): Answerers => answerers({ db, setBadge: async () => undefined, runReaderOn: async () => undefined }, EXTENSION_BASE);

  test('our own pages only: reading settings\' storage status and running the reader on another tab', () => {
    expect([...EXTENSION_PAGE_ONLY].sort()).toEqual(['runReaderOnTab', 'storageStatus']);
  });

  test.each(EXTENSION_PAGE_ONLY)('%s: refused from a web page, answered from an extension page', async (message) => {
    const answer = answers()[message];
    await expect(answer(VALID[message], { url: WEB_PAGE, tabId: 1 })).rejects.toThrow('只接受研读自己的页面发送');
    await expect(answer(VALID[message], {})).rejects.toThrow('只接受研读自己的页面发送');
    await expect(answer(VALID[message], { url: `${EXTENSION_BASE}popup.html` })).resolves.not.toThrow();
  });

  test.each(['saveAnnotation', 'annotationsForArticle', 'reportPlacement'] as const)('%s: content scripts may send it', async (message) => {
    await expect(answers()[message](VALID[message], { url: WEB_PAGE, tabId: 1 })).resolves.not.toThrow();
  });
});
