/**
 * Sync between two databases (fake-indexeddb) through a real WebDAV server
 * (rclone): notes made on A reach B; edits and deletes on both sides
 * converge; the same note edited on both while apart keeps both versions; a
 * wrong password, a stopped server and a cut file on the server give Chinese
 * messages and change nothing; a sync that dies halfway resumes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '@/lib/db/annotations';
import type { YanduDb } from '@/lib/db/database';
import { CONFLICT_TAG } from '@/lib/sync/changes';
import { CHUNK_NOTES, syncOnce, type SyncCursor } from '@/lib/sync/engine';
import { DavClient, SyncError, type Fetch } from '@/lib/sync/webdav';
import type { AnnotationDraft } from '@/lib/protocol/schema';
import { DAV_PASSWORD, DAV_USER, startDavServer, type DavServer } from '../../support/webdav-server';
import { freshDatabases } from '../notebook/fresh-db';

const freshDb = freshDatabases();
let server: DavServer;
beforeAll(async () => {
  server = await startDavServer();
});
afterAll(async () => {
  await server?.close();
});

const AUTH = { Authorization: `Basic ${Buffer.from(`${DAV_USER}:${DAV_PASSWORD}`).toString('base64')}` };

/** A fresh folder on the server for one test's devices, as a reader's account folder. */
async function freshFolder(): Promise<string> {
  const url = `${server.url}${crypto.randomUUID()}/`;
  const made = await fetch(url, { method: 'MKCOL', headers: AUTH });
  expect(made.status).toBe(201);
  return url;
}

/** One device on `folder`: its database, its cursor and a way to sync it. */
function device(folder: string, name: string, options: { password?: string; fetcher?: Fetch } = {}) {
  const db: YanduDb = freshDb();
  let cursor: SyncCursor = { device: name, seq: 0, taken: {} };
  const client = (): DavClient => new DavClient({ url: folder, user: DAV_USER, password: options.password ?? DAV_PASSWORD }, options.fetcher ?? fetch);
  return {
    db,
    get cursor() {
      return cursor;
    },
    sync: () => syncOnce(db, client(), cursor, { saveCursor: async (next) => void (cursor = next) }),
  };
}

function draft(exact: string, note = ''): AnnotationDraft {
  return {
    page: { url: 'http://www.gov.cn/zhengce/2026-11/29/content_9.htm', title: '关于做好冬春农田水利建设的通知' },
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note,
  };
}

async function live(db: YanduDb): Promise<string[]> {
  return (await db.annotations.toArray()).filter((n) => n.deletedAt === null).map((n) => `${n.quote.exact}|${n.note}`).sort();
}

describe('sync through a WebDAV server', () => {
  test('notes, edits, deletes and a conflict converge; nothing is lost or duplicated', async () => {
    const folder = await freshFolder();
    const a = device(folder, 'device-a');
    const b = device(folder, 'device-b');
    const one = await saveAnnotation(a.db, draft('统筹推进', '甲写的'), 1_000);
    const two = await saveAnnotation(a.db, draft('压实责任'), 2_000);
    expect(await a.sync()).toMatchObject({ sent: 2, received: 0 });
    expect(await b.sync()).toMatchObject({ received: 2, sent: 0 });
    expect(await live(b.db)).toEqual(await live(a.db));

    // B edits one and deletes the other; A takes both in.
    const onB = (await b.db.annotations.get(one.id))!;
    await updateAnnotation(b.db, { id: one.id, revision: onB.revision, note: '乙改过' }, 3_000);
    await deleteAnnotation(b.db, two.id, 3_500);
    await saveAnnotation(b.db, draft('久久为功', '乙新写的'), 3_600);
    expect(await b.sync()).toMatchObject({ sent: 3 });
    expect(await a.sync()).toMatchObject({ received: 3 });
    expect(await live(a.db)).toEqual(['久久为功|乙新写的', '统筹推进|乙改过']);

    // Both edit the same note while apart: both versions stay, on both devices, alike.
    const onA = (await a.db.annotations.get(one.id))!;
    const onB2 = (await b.db.annotations.get(one.id))!;
    await updateAnnotation(a.db, { id: one.id, revision: onA.revision, note: '甲离线时改的' }, 4_000);
    await updateAnnotation(b.db, { id: one.id, revision: onB2.revision, note: '乙离线时改的' }, 5_000);
    await a.sync();
    const met = await b.sync();
    expect(met.conflicts).toBe(1);
    await a.sync();
    await b.sync();
    const expected = ['久久为功|乙新写的', '统筹推进|乙离线时改的', '统筹推进|甲离线时改的'];
    expect(await live(a.db)).toEqual(expected);
    expect(await live(b.db)).toEqual(expected);
    const copy = (await a.db.annotations.toArray()).find((n) => n.note === '甲离线时改的')!;
    expect(copy.tags).toContain(CONFLICT_TAG);
    expect(await a.db.annotations.count()).toBe(await b.db.annotations.count());

    // Quiet: a sync with nothing new sends and receives nothing.
    expect(await a.sync()).toMatchObject({ sent: 0, received: 0 });
  });

  test('a cut file on the server is refused without harm; the device goes on once it is readable', async () => {
    const folder = await freshFolder();
    const a = device(folder, 'device-d');
    const b = device(folder, 'device-e');
    await saveAnnotation(a.db, draft('守正创新'), 1_000);
    await a.sync();
    // Cut short through the server itself (as a broken upload would leave it).
    const put = await fetch(`${folder}yandu-sync/device-d/00000001.json`, {
      method: 'PUT',
      headers: AUTH,
      body: '{"format":"yandu-sync-changes","version":1,"device":"device-d","se',
    });
    expect(put.ok).toBe(true);
    await saveAnnotation(b.db, draft('本机已有'), 2_000);
    const report = await b.sync();
    expect(report.refused.join('')).toMatch(/不完整或已损坏.*本机笔记未受影响/);
    expect(await live(b.db)).toEqual(['本机已有|']);
    expect(b.cursor.taken['device-d'] ?? 0).toBe(0);
  });

  test(`a large first sync goes in files of ${CHUNK_NOTES}, and one that dies halfway resumes without duplicates`, { timeout: 120_000 }, async () => {
    const folder = await freshFolder();
    const a = device(folder, 'device-f');
    const count = CHUNK_NOTES * 2 + 10;
    await a.db.transaction('rw', a.db.annotations, a.db.articles, a.db.tags, async () => {
      for (let i = 0; i < count; i += 1) await saveAnnotation(a.db, draft(`第${i}条摘录`), 1_000 + i);
    });
    expect(await a.sync()).toMatchObject({ sent: count });
    expect(a.cursor.seq).toBe(3);

    // B's connection dies after its second file: what it took in stays, and the next sync goes on from there.
    let gets = 0;
    const flaky: Fetch = async (input, init) => {
      if (init?.method === 'GET' && input.includes('/device-f/0000') && ++gets === 3) throw new TypeError('network error');
      return fetch(input, init);
    };
    const b = device(folder, 'device-g', { fetcher: flaky });
    await expect(b.sync()).rejects.toThrow(/无法连接同步服务器/);
    expect(b.cursor.taken['device-f']).toBe(2);
    expect(await b.db.annotations.count()).toBe(CHUNK_NOTES * 2);
    await b.sync();
    expect(await b.db.annotations.count()).toBe(count);
  });
  // Last: stopping the server also cuts the connections the other tests' fetches keep open.
  test('a wrong password and a stopped server: Chinese messages, nothing changed; then it goes on', async () => {
    const folder = await freshFolder();
    const a = device(folder, 'device-c');
    await saveAnnotation(a.db, draft('以学促干', '本机笔记'), 1_000);
    const wrong = device(folder, 'device-c2', { password: 'not-the-password' });
    await saveAnnotation(wrong.db, draft('学思用贯通'), 1_000);
    const refused = await wrong.sync().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncError);
    expect((refused as SyncError).message).toMatch(/用户名或应用密码不正确/);
    expect(await live(wrong.db)).toEqual(['学思用贯通|']);

    await server.stop();
    try {
      const down = await a.sync().catch((e: unknown) => e);
      expect((down as SyncError).code).toBe('unreachable');
      expect((down as SyncError).message).toMatch(/无法连接同步服务器/);
      expect(await live(a.db)).toEqual(['以学促干|本机笔记']);
    } finally {
      await server.start();
    }
    expect(await a.sync()).toMatchObject({ sent: 1 });
  });
});
