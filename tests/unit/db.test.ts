import { queryNotes } from '@/lib/db/notebook';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { createDbHandlers, type Effects } from './support/answers';
import type { AnnotationDraft } from '@/lib/protocol/schema';

let db: YanduDb;
let name: string;

beforeEach(() => {
  name = `test-${crypto.randomUUID()}`;
  db = openDb(name);
});
afterEach(async () => {
  db.close();
  await indexedDB.deleteDatabase(name);
});

function draft(exact: string, url = 'http://dangjian.people.com.cn/n1/seed.html?utm_source=wx'): AnnotationDraft {
  return {
    page: { url, title: '紧抓工作重点 突出实践特色' },
    quote: { exact, prefix: '前文', suffix: '后文' },
    position: { start: 10, end: 10 + exact.length },
    color: 'yellow',
    note: '',
  };
}

describe('saving and listing highlights through the handlers', () => {
  test('a saved highlight is listed for its article, also under a URL with other tracking parameters', async () => {
    const handlers = createDbHandlers(db);
    const saved = await handlers.saveAnnotation(draft('一是要加强组织覆盖'));
    const listed = await handlers.annotationsForArticle({ url: 'http://dangjian.people.com.cn/n1/seed.html#top' });
    expect(listed.map((a) => a.id)).toEqual([saved.id]);
    expect(listed[0]!.quote.exact).toBe('一是要加强组织覆盖');
    expect(await handlers.annotationsForArticle({ url: 'http://dangjian.people.com.cn/n1/other.html' })).toEqual([]);
  });

  test('recent highlights come newest first with their article title', async () => {
    const handlers = createDbHandlers(db);
    await handlers.saveAnnotation(draft('第一条'));
    await new Promise((done) => setTimeout(done, 2));
    await handlers.saveAnnotation(draft('第二条', 'http://www.gov.cn/zhengce/b.htm'));
    // The popup's recent notes: the notebook's query, newest first.
    const recent = (await queryNotes(db, {}, 'newest', 0, 10)).rows;
    expect(recent.map((a) => a.note.quote.exact)).toEqual(['第二条', '第一条']);
    expect(recent[1]!.articleTitle).toBe('紧抓工作重点 突出实践特色');
    expect(await db.articles.count()).toBe(2);
  });

  test.each([
    ['a missing quote', { ...draft('x'), quote: undefined }],
    ['an empty quote', { ...draft('x'), quote: { exact: '', prefix: '', suffix: '' } }],
    ['an unknown colour', { ...draft('x'), color: 'black' }],
    ['a position that ends before it starts', { ...draft('x'), position: { start: 9, end: 3 } }],
    ['a non-URL page', { ...draft('x'), page: { url: 'javascript:alert(1)x', title: '' } }],
    ['an extra field', { ...draft('x'), html: '<img onerror=alert(1)>' }],
    ['an oversize quote', draft('字'.repeat(5001))],
    ['no payload at all', undefined],
  ])('rejects %s with a clear message and stores nothing', async (_case, payload) => {
    const handlers = createDbHandlers(db);
    await expect(handlers.saveAnnotation(payload)).rejects.toThrow(/消息“saveAnnotation”格式无效/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('badgeText', () => {
  test.each([
    [{ isPolicy: true, directiveCount: 14 }, '14'],
    [{ isPolicy: true, directiveCount: 0 }, ''],
    [{ isPolicy: false, directiveCount: 3 }, ''],
    [{ isPolicy: true, directiveCount: 1200 }, '999+'],
  ])('%j → %s', async (report, text) => {
    // The reader script's report sets its tab's badge.
    const effects: Effects = { badges: [], runs: [] };
    await createDbHandlers(db, effects, { url: 'http://www.gov.cn/zhengce/a.htm', tabId: 7 }).reportPage(report);
    expect(effects.badges).toEqual([{ tabId: 7, text }]);
  });
});

describe('a save retried after its answer was lost', () => {
  test('stores the note once and answers with the stored record', async () => {
    const handlers = createDbHandlers(db);
    const id = crypto.randomUUID();
    const first = await handlers.saveAnnotation({ ...draft('二是要丰富实践载体'), id });
    const again = await handlers.saveAnnotation({ ...draft('二是要丰富实践载体'), id });
    expect(again.id).toBe(first.id);
    expect(again.createdAt).toBe(first.createdAt);
    expect(await db.annotations.count()).toBe(1);
  });

  test('refuses an id that is not a UUID', async () => {
    const handlers = createDbHandlers(db);
    await expect(handlers.saveAnnotation({ ...draft('x'), id: '../../etc' })).rejects.toThrow(/格式无效/);
    expect(await db.annotations.count()).toBe(0);
  });
});
