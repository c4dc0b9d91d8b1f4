/**
 * The upgrade from schema v5 as a reader meets it after 研读 was updated: a
 * database left by v5 (its stores as they shipped, every note with its postings
 * in `terms`), and the notebook opened on it shows the upgrade's progress
 * (a percentage and the count) until its database is open, then the notes.
 * The v5 database is made in an extension page with Dexie itself (its UMD build
 * evaluated there), after the extension's own connections let go of it.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { DB_NAME } from '@/lib/db/schema';
import { SHIPPED_STORES } from '../support/shipped-stores';
import { useExtensionBrowser } from '../support/e2e-setup';

const env = useExtensionBrowser();
/** Enough notes that the upgrade takes a few seconds in Chromium. */
const NOTES = 20_000;

test('the notebook shows the v5 → v6 upgrade with its progress, then the notes', async () => {
  const maker = await env.browser.openExtensionPage('options.html');
  await maker.evaluate(await readFile('node_modules/dexie/dist/dexie.js', 'utf8'));
  await maker.evaluate(
    async ({ name, stores, notes }) => {
      type DexieLike = { delete(name: string): Promise<void>; new (name: string): { version(n: number): { stores(s: Record<string, string>): void }; table(n: string): { bulkAdd(r: unknown[]): Promise<unknown> }; close(): void } };
      const Dexie = (window as unknown as { Dexie: DexieLike }).Dexie;
      // The extension's connections (background, this page) close on the version change; then it is gone.
      await Dexie.delete(name);
      const v5 = new Dexie(name);
      v5.version(1).stores({ articles: 'key, lastSeenAt, site', annotations: 'id, articleKey, createdAt' });
      for (let v = 2; v <= 5; v++) v5.version(v).stores(stores[v]!);
      const at = Date.UTC(2025, 0, 1);
      await v5.table('articles').bulkAdd(Array.from({ length: 100 }, (_, a) => ({ key: `www.gov.cn/a/${a}.htm`, url: `http://www.gov.cn/a/${a}.htm`, title: `通知${a}`, site: 'www.gov.cn', firstSeenAt: at, lastSeenAt: at + a, terms: ['通\u0001', '知\u0001'] })));
      for (let start = 0; start < notes; start += 5_000) {
        await v5.table('annotations').bulkAdd(
          Array.from({ length: 5_000 }, (_, k) => {
            const i = start + k;
            return {
              id: `v5-${String(i).padStart(6, '0')}`,
              articleKey: `www.gov.cn/a/${i % 100}.htm`,
              quote: { exact: `要健全基层党组织领导的治理机制第${i}条`, prefix: '', suffix: '' },
              position: { start: 0, end: 10 },
              color: 'yellow',
              note: i % 3 === 0 ? `批注${i}` : '',
              createdAt: at + i,
              updatedAt: at + i,
              tags: [],
              revision: 1,
              deletedAt: null,
              unplacedAt: null,
              terms: ['健全\u0001\u4000', '基层\u0001\u4000', '党组\u0001\u4000', '组织\u0001\u4000', `${i % 10}\u0001\u4000`],
            };
          }),
        );
      }
      v5.close();
    },
    { name: DB_NAME, stores: SHIPPED_STORES, notes: NOTES },
  );
  await maker.close();

  const notebook = await env.browser.context.newPage();
  const seen: string[] = [];
  const status = notebook.getByRole('status');
  await notebook.goto(`chrome-extension://${env.browser.extensionId}/notebook.html`);
  // The progress shows while the database upgrades (here or in the background), the percentage and the count rising.
  await expect
    .poll(
      async () => {
        const text = (await status.textContent({ timeout: 200 }).catch(() => null)) ?? '';
        if (text.startsWith('研读已更新') && seen.at(-1) !== text) seen.push(text);
        return (await notebook.getByRole('list', { name: '笔记列表' }).getByRole('listitem').count()) > 0;
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
  console.info(`upgrade of ${NOTES} notes as the notebook showed it:\n${seen.join('\n')}`);
  expect(seen.some((text) => /正在升级笔记数据（只需一次）… \d+%（[\d,]+ \/ 20,000 条笔记）/.test(text))).toBe(true);
  // Once the notes show, the progress is gone.
  await expect.poll(() => status.count()).toBe(0);
  const first = await notebook.locator('.row .quote').first().textContent();
  expect(first).toContain('要健全基层党组织领导的治理机制第19999条');
  await notebook.getByRole('searchbox').fill('治理机制第1234条');
  await expect.poll(() => notebook.getByRole('list', { name: '笔记列表' }).getByRole('listitem').count()).toBe(1);
});
