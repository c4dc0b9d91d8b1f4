/** Notes in schema v2 through the background's handlers: edits, conflicts, soft delete, tags, placement. */
import { queryNotes } from '@/lib/db/notebook';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { purgeDeleted, RESTORE_DAYS } from '@/lib/db/annotations';
import { isConflict } from '@/lib/db/errors';
import { persistenceStatus, requestPersistence, type PersistApi } from '@/lib/db/persist';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { createDbHandlers, type DbHandlers } from './support/answers';
import type { AnnotationDraft } from '@/lib/protocol/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const URL_A = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';

let db: YanduDb;
let name: string;
let handlers: DbHandlers;

beforeEach(() => {
  name = `test-${crypto.randomUUID()}`;
  db = openDb(name);
  handlers = createDbHandlers(db);
});
afterEach(async () => {
  db.close();
  await indexedDB.deleteDatabase(name);
});

function draft(exact: string, extra: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    page: { url: URL_A, title: '紧抓工作重点 突出实践特色' },
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note: '',
    ...extra,
  };
}

describe('a new note', () => {
  test('starts at revision 1, placed, not deleted, with cleaned tags that completion then offers', async () => {
    const saved = await handlers.saveAnnotation(draft('一是要加强组织覆盖', { tags: [' 三会一课 ', '党建', '党建', ''] }));
    expect(saved).toMatchObject({ revision: 1, deletedAt: null, unplacedAt: null, tags: ['三会一课', '党建'] });
    expect(await handlers.listTags(undefined)).toEqual(expect.arrayContaining(['三会一课', '党建']));
  });

  test('is found under the article’s other URLs: canonical link, mobile host, tracking parameters', async () => {
    const saved = await handlers.saveAnnotation(
      draft('五好', { page: { url: `${URL_A}?from=wx`, title: '', canonicalUrl: URL_A } }),
    );
    for (const query of [
      { url: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed-print.html', canonicalUrl: URL_A },
      { url: URL_A.replace('http:', 'https:') + '#p2' },
    ]) {
      expect((await handlers.annotationsForArticle(query)).map((a) => a.id)).toEqual([saved.id]);
    }
  });
});

describe('editing', () => {
  test('changes text, colour and tags and raises the revision', async () => {
    const saved = await handlers.saveAnnotation(draft('二是要丰富实践载体'));
    const edited = await handlers.updateAnnotation({ id: saved.id, revision: 1, note: '联系支部实际', color: 'green', tags: ['学习笔记'] });
    expect(edited).toMatchObject({ note: '联系支部实际', color: 'green', tags: ['学习笔记'], revision: 2 });
    expect((await handlers.annotationsForArticle({ url: URL_A }))[0]).toMatchObject({ note: '联系支部实际', revision: 2 });
  });

  test('two tabs editing at once: the second is refused with a clear message, the first is kept', async () => {
    const saved = await handlers.saveAnnotation(draft('三是要规范组织建设'));
    const [first, second] = await Promise.allSettled([
      handlers.updateAnnotation({ id: saved.id, revision: 1, note: '甲标签页的批注' }),
      handlers.updateAnnotation({ id: saved.id, revision: 1, note: '乙标签页的批注' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    const reason = (second as PromiseRejectedResult).reason as Error;
    expect(isConflict(reason)).toBe(true);
    expect(reason.message).toMatch(/另一个标签页中修改/);
    const [stored] = await handlers.annotationsForArticle({ url: URL_A });
    expect(stored).toMatchObject({ note: '甲标签页的批注', revision: 2 });
  });

  test('recording placement does not count as an edit (an open editor elsewhere is not refused)', async () => {
    const a = await handlers.saveAnnotation(draft('甲'));
    const b = await handlers.saveAnnotation(draft('乙'));
    await handlers.reportPlacement({ placed: [a.id], unplaced: [b.id] });
    const byId = async (id: string): Promise<unknown> => (await handlers.annotationsForArticle({ url: URL_A })).find((r) => r.id === id);
    expect(await byId(a.id)).toMatchObject({ unplacedAt: null, revision: 1 });
    expect(await byId(b.id)).toMatchObject({ unplacedAt: expect.any(Number), revision: 1 });
    await handlers.reportPlacement({ placed: [b.id], unplaced: [] });
    expect(await byId(b.id)).toMatchObject({ unplacedAt: null });
  });
});

describe('deleting', () => {
  test('hides the note everywhere; undo brings it back; other notes untouched', async () => {
    const keep = await handlers.saveAnnotation(draft('保留的'));
    const gone = await handlers.saveAnnotation(draft('删除的'));
    await handlers.deleteAnnotation({ id: gone.id });
    expect((await handlers.annotationsForArticle({ url: URL_A })).map((a) => a.id)).toEqual([keep.id]);
    expect((await queryNotes(db, {}, 'newest', 0, 10)).rows.map((a) => a.note.id)).toEqual([keep.id]);
    const back = await handlers.restoreAnnotation({ id: gone.id });
    expect(back.deletedAt).toBeNull();
    expect((await handlers.annotationsForArticle({ url: URL_A })).map((a) => a.id).sort()).toEqual([keep.id, gone.id].sort());
  });

  test(`keeps a deletion restorable for ${RESTORE_DAYS} days, then purges it and nothing else`, async () => {
    const live = await handlers.saveAnnotation(draft('仍在'));
    const recent = await handlers.saveAnnotation(draft('近期删除'));
    const old = await handlers.saveAnnotation(draft('早已删除'));
    const now = Date.now();
    await db.annotations.update(recent.id, { deletedAt: now - (RESTORE_DAYS - 1) * DAY_MS });
    await db.annotations.update(old.id, { deletedAt: now - (RESTORE_DAYS + 1) * DAY_MS });
    expect(await purgeDeleted(db, now)).toBe(1);
    expect((await db.annotations.toArray()).map((a) => a.id).sort()).toEqual([live.id, recent.id].sort());
    await expect(handlers.restoreAnnotation({ id: old.id })).rejects.toThrow(/无法恢复/);
  });

  test('editing a deleted note is refused', async () => {
    const saved = await handlers.saveAnnotation(draft('已删'));
    await handlers.deleteAnnotation({ id: saved.id });
    await expect(handlers.updateAnnotation({ id: saved.id, revision: 2, note: 'x' })).rejects.toThrow(/找不到批注/);
  });
});

describe('malformed messages are refused with a clear Chinese error', () => {
  const id = '0b6f3a52-8f1e-4c1a-9a8e-2f0d6c3b1e11';
  test.each([
    ['updateAnnotation', 'a missing revision', { id, note: 'x' }, /updateAnnotation.*格式无效/],
    ['updateAnnotation', 'nothing to change', { id, revision: 1 }, /没有要修改的内容/],
    ['updateAnnotation', 'a bad id', { id: '../x', revision: 1, note: 'x' }, /批注编号无效/],
    ['updateAnnotation', 'an unknown colour', { id, revision: 1, color: 'black' }, /格式无效/],
    ['updateAnnotation', 'too many tags', { id, revision: 1, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /标签过多/],
    ['updateAnnotation', 'an overlong tag', { id, revision: 1, tags: ['长'.repeat(33)] }, /标签过长/],
    ['deleteAnnotation', 'no id', {}, /deleteAnnotation.*格式无效/],
    ['restoreAnnotation', 'an extra field', { id, html: '<b>' }, /restoreAnnotation.*格式无效/],
    ['reportPlacement', 'ids that are not ids', { placed: ['x'], unplaced: [] }, /批注编号无效/],
    ['listTags', 'a payload it does not take', { all: true }, /listTags.*格式无效/],
    ['saveAnnotation', 'a canonical link that is not a web address', draft('x', { page: { url: URL_A, title: '', canonicalUrl: 'javascript:alert(1)' } }), /格式无效/],
  ] as const)('%s with %s', async (message, _case, payload, error) => {
    await expect((handlers[message] as (data: unknown) => Promise<unknown>)(payload)).rejects.toThrow(error);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('persistent storage', () => {
  test.each([
    ['granted', { persisted: async () => false, persist: async () => true }, { supported: true, persisted: true }],
    ['refused', { persisted: async () => false, persist: async () => false }, { supported: true, persisted: false }],
    ['already granted', { persisted: async () => true, persist: async () => false }, { supported: true, persisted: true }],
    ['failing', { persisted: async () => Promise.reject(new Error('x')), persist: async () => true }, { supported: true, persisted: false }],
    ['missing', undefined, { supported: false, persisted: false }],
  ] as [string, PersistApi | undefined, object][])('%s: the answer is stored for settings', async (_case, api, expected) => {
    await requestPersistence(db, api, 1000);
    expect(await persistenceStatus(db)).toEqual({ key: 'persistence', checkedAt: 1000, ...expected });
    expect(await handlers.storageStatus(undefined)).toMatchObject(expected);
  });
});
