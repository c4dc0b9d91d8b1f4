/**
 * Storage faults, through the background's handlers on fake-indexeddb: a full
 * disk, a database closed or deleted under the background, an upgrade blocked
 * by an old connection, a database made by a newer version. Each time the
 * reader gets a Chinese message, and nothing already stored is lost.
 */
import { Dexie, type DBCoreMutateRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { requestFailureMessage, STORAGE_MARK, STORAGE_MESSAGES, storageMessage } from '@/lib/explain';
import type { YanduDb } from '@/lib/db/database';
import { openDb } from '@/lib/db/schema';
import { createDbHandlers, type DbHandlers } from '../support/answers';
import { draft, PAGE_URL } from './drafts';

/** Saves tried while the disk is full, per kind of write. */
const QUOTA_ATTEMPTS = 20;
/** Notes stored before each fault. */
const STORED = 30;

let name = '';
let db: YanduDb;
let handlers: DbHandlers;
/** When true, every write to the database fails as on a full disk. */
let diskFull = false;

/** Makes every write fail with QuotaExceededError while `diskFull` (a DBCore middleware: below Dexie's transactions). */
function simulateQuota(target: Dexie): void {
  target.use({
    stack: 'dbcore',
    name: 'simulated-quota',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            diskFull ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request),
        };
      },
    }),
  });
}

beforeEach(async () => {
  name = `faults-${crypto.randomUUID()}`;
  diskFull = false;
  db = openDb(name);
  simulateQuota(db);
  handlers = createDbHandlers(db);
  for (let i = 0; i < STORED; i++) await handlers.saveAnnotation(draft(i));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(name);
});

/** Every stored note, compared by content. */
async function snapshot(target: YanduDb = db): Promise<unknown[]> {
  return (await target.annotations.toCollection().sortBy('createdAt')).map(({ id, note, revision, tags, deletedAt }) => ({ id, note, revision, tags, deletedAt }));
}

describe('quota exceeded', () => {
  test(`${QUOTA_ATTEMPTS} saves, edits, deletions and tag writes on a full disk: refused in Chinese, nothing stored changes`, async () => {
    const before = await snapshot();
    const first = (await handlers.annotationsForArticle({ url: PAGE_URL }))[0]!;
    diskFull = true;
    const attempts: (() => Promise<unknown>)[] = [
      () => handlers.saveAnnotation(draft(100, ['新标签'])),
      () => handlers.updateAnnotation({ id: first.id, revision: first.revision, note: '改过的批注' }),
      () => handlers.deleteAnnotation({ id: first.id }),
      () => handlers.reportPlacement({ placed: [], unplaced: [first.id] }),
    ];
    for (let i = 0; i < QUOTA_ATTEMPTS; i++) {
      for (const attempt of attempts) await expect(attempt()).rejects.toThrow(`${STORAGE_MARK}：${STORAGE_MESSAGES.QuotaExceededError}`);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.tags.get('新标签')).toBeUndefined();
    // Room again: the same note saves (the reader's text was kept by the editor and sent again).
    diskFull = false;
    const saved = await handlers.saveAnnotation(draft(100, ['新标签']));
    expect(await snapshot()).toHaveLength(STORED + 1);
    expect(saved.note).toBe(draft(100).note);
  });

  test.each([
    ['a quota error wrapped in an aborted transaction', Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }), STORAGE_MESSAGES.QuotaExceededError],
    ['a quota error as the cause', new Error('write failed', { cause: new DOMException('full', 'QuotaExceededError') }), STORAGE_MESSAGES.QuotaExceededError],
    ['a plain abort', Object.assign(new Error('aborted'), { name: 'AbortError' }), STORAGE_MESSAGES.AbortError],
    ['a closed database', new Dexie.DatabaseClosedError(), STORAGE_MESSAGES.DatabaseClosedError],
    ['an upgrade error', new Dexie.UpgradeError('boom'), STORAGE_MESSAGES.UpgradeError],
    ['a database closed because its upgrade threw', new Dexie.DatabaseClosedError(new Error('upgrade threw')), STORAGE_MESSAGES.OpenFailedError],
  ])('should map: %s', (_name, error, message) => {
    expect(storageMessage(error)).toBe(message);
  });

  test.each([
    ['a conflict', new Error('修改冲突：…')],
    ['a validation error', new TypeError('消息“saveAnnotation”格式无效')],
    ['not an error', 'QuotaExceededError'],
  ])('should not map: %s', (_name, error) => {
    expect(storageMessage(error)).toBeNull();
  });
});

describe('the database closed or deleted under the background', () => {
  test('closed: the next request reopens it and every note is there', async () => {
    const before = await snapshot();
    db.close({ disableAutoOpen: false });
    expect(await snapshot()).toEqual(before);
    await handlers.saveAnnotation(draft(200));
    expect(await snapshot()).toHaveLength(STORED + 1);
  });

  test('closed for good: the request is refused in Chinese', async () => {
    db.close();
    await expect(handlers.saveAnnotation(draft(201))).rejects.toThrow(`${STORAGE_MARK}：${STORAGE_MESSAGES.DatabaseClosedError}`);
  });

  test('the browser deletes the storage under a running background: the background keeps working on a fresh database', async () => {
    await Dexie.delete(name);
    const saved = await handlers.saveAnnotation(draft(300));
    expect(await handlers.annotationsForArticle({ url: PAGE_URL })).toEqual([saved]);
    expect(db.verno).toBe(openDb(`${name}-probe`).verno);
  });
});

describe('an upgrade blocked by another connection', () => {
  test('requests are refused at once while blocked, and answered once the other connection closes', async () => {
    db.close();
    const blockedName = `${name}-blocked`;
    // An older connection (another tab, an older build) that ignores the request to close.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(blockedName, 10);
      request.onupgradeneeded = (): void => {
        request.result.createObjectStore('articles', { keyPath: 'key' }).createIndex('lastSeenAt', 'lastSeenAt');
        request.result.createObjectStore('annotations', { keyPath: 'id' });
      };
      request.onsuccess = (): void => resolve(request.result);
      request.onerror = (): void => reject(request.error);
    });
    old.onversionchange = (): void => undefined;
    const blockedDb = openDb(blockedName);
    const blockedHandlers = createDbHandlers(blockedDb);
    const opening = blockedDb.open().catch(() => undefined);
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalledWith('[研读] 数据库升级被另一个连接阻塞，等待其关闭'));
    await expect(blockedHandlers.saveAnnotation(draft(400))).rejects.toThrow(`${STORAGE_MARK}：${STORAGE_MESSAGES.DatabaseBlockedError}`);
    old.close();
    await opening;
    await blockedHandlers.saveAnnotation(draft(400));
    expect(await blockedHandlers.annotationsForArticle({ url: PAGE_URL })).toHaveLength(1);
    blockedDb.close();
    await Dexie.delete(blockedName);
  });
});

describe('a database made by a newer version of 研读', () => {
  test('opens as it is (Dexie adds what this version lacks): its data kept, saves work', async () => {
    db.close();
    const newerName = `${name}-newer`;
    const newer = new Dexie(newerName);
    newer.version(100).stores({ annotations: 'id', future: 'id' });
    await newer.table('annotations').add({ id: 'n1', note: '新版本的批注' });
    await newer.table('future').add({ id: 'f1' });
    newer.close();
    const older = openDb(newerName);
    const saved = await createDbHandlers(older).saveAnnotation(draft(500));
    older.close();
    const again = new Dexie(newerName);
    await again.open();
    expect((await again.table('annotations').toArray()).map((a: { id: string }) => a.id).sort()).toEqual(['n1', saved.id].sort());
    expect(await again.table('future').count()).toBe(1);
    again.close();
    await Dexie.delete(newerName);
  });
});

describe('a request whose answer never comes back (the background restarted)', () => {
  test.each([
    ['A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received', '研读后台暂时没有响应'],
    ['Could not establish connection. Receiving end does not exist.', '研读后台暂时没有响应'],
    ['The message port closed before a response was received.', '研读后台暂时没有响应'],
    ['Extension context invalidated.', '本页需刷新后才能保存'],
  ])('should explain in Chinese: %s', (message, expected) => {
    expect(requestFailureMessage(new Error(message))).toContain(expected);
  });

  test.each([`${STORAGE_MARK}：${STORAGE_MESSAGES.QuotaExceededError}`, '修改冲突：这条批注已在另一个标签页中修改'])('should keep our own message: %s', (message) => {
    expect(requestFailureMessage(new Error(message))).toBe(message);
  });
});
