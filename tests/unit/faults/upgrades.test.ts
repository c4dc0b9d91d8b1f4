/**
 * Upgrades: a database made by each earlier schema version (its stores as they
 * shipped) and filled with notes opens with the current schema and keeps every
 * note; an upgrade that throws leaves the old database as it was, and the
 * reader is told.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { STORAGE_MARK, STORAGE_MESSAGES } from '@/lib/explain';
import { openDb } from '@/lib/db/schema';
import { createDbHandlers } from '../support/answers';
import { draft, PAGE_URL } from './drafts';
import { defineShippedVersions } from '../../support/shipped-stores';

/** Notes in each fixture database. */
const NOTES = 200;
/** Articles the notes are spread over. */
const ARTICLES = 5;

/** The current schema's version number. */
const CURRENT = openDb('version-probe').verno;
/** Every version before the current one. */
const EARLIER = Array.from({ length: CURRENT - 1 }, (_, i) => i + 1);

const names: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as version `version` made it: only that version's tables, filled with notes in that version's shape. */
async function fixture(version: number): Promise<{ name: string; ids: string[] }> {
  const name = `upgrade-v${version}-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  defineShippedVersions(old, version);
  const articles = Array.from({ length: ARTICLES }, (_, a) => {
    const url = `https://www.gov.cn/zhengce/2024-0${a + 1}/0${a + 1}/content_${a}.htm`;
    return { key: version === 1 ? url : url.replace('https://', ''), url, title: `政策文件${a}`, site: 'www.gov.cn', firstSeenAt: a, lastSeenAt: a + 1 };
  });
  const notes = Array.from({ length: NOTES }, (_, i) => ({
    id: crypto.randomUUID(),
    articleKey: articles[i % ARTICLES]!.key,
    quote: { exact: `第${i}处原文`, prefix: '前', suffix: '后' },
    position: { start: i, end: i + 4 },
    color: 'yellow',
    note: `第${i}条批注`,
    createdAt: 1_000 + i,
    updatedAt: 1_000 + i,
    ...(version >= 2 ? { tags: ['三会一课'], revision: 1 + (i % 3), deletedAt: i % 10 === 0 ? Date.now() : null, unplacedAt: null } : {}),
    ...(version >= 3 ? { terms: [] } : {}),
  }));
  await old.table('articles').bulkAdd(articles);
  await old.table('annotations').bulkAdd(notes);
  old.close();
  return { name, ids: notes.map((n) => n.id) };
}

test('there is at least one earlier version to upgrade from', () => {
  expect(EARLIER.length).toBeGreaterThanOrEqual(2);
});

test.each(EARLIER)('a database made by version %i opens with the current schema and keeps every note', async (version) => {
  const { name, ids } = await fixture(version);
  const db = openDb(name);
  await db.open();
  expect(db.verno).toBe(CURRENT);
  const after = await db.annotations.toArray();
  expect(after.map((a) => a.id).sort()).toEqual([...ids].sort());
  for (const note of after) expect(note.note).toMatch(/^第\d+条批注$/);
  // The upgraded database answers the current messages.
  const handlers = createDbHandlers(db);
  const listed = await handlers.annotationsForArticle({ url: 'https://www.gov.cn/zhengce/2024-01/01/content_0.htm' });
  expect(listed.length).toBeGreaterThan(0);
  await handlers.saveAnnotation(draft(NOTES));
  expect(await db.annotations.count()).toBe(NOTES + 1);
  db.close();
});

test.each(EARLIER)('an upgrade from version %i that throws keeps the old database as it was, and says so', async (version) => {
  const { name, ids } = await fixture(version);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const failing = openDb(name);
  failing.version(CURRENT + 1).stores({}).upgrade(() => {
    throw new Error('simulated failure in the middle of an upgrade');
  });
  await expect(createDbHandlers(failing).annotationsForArticle({ url: PAGE_URL })).rejects.toThrow(`${STORAGE_MARK}：${STORAGE_MESSAGES.OpenFailedError}`);
  failing.close();
  // The old database is untouched: same version, every note.
  const reopened = new Dexie(name);
  await reopened.open();
  expect(reopened.verno).toBe(version);
  expect((await reopened.table('annotations').toArray()).map((a: { id: string }) => a.id).sort()).toEqual([...ids].sort());
  reopened.close();
  // And the working upgrade still runs on it afterwards.
  const db = openDb(name);
  expect(await db.annotations.count()).toBe(NOTES);
  db.close();
});
