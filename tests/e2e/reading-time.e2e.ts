/**
 * 学习时长 in Chromium with the built extension: the seed article kept open and
 * read (the mouse moving now and then) for a measured time; when the reader
 * leaves the page, the time stored for the article is within a few seconds of
 * that truth, nothing is added once the page is gone, the notebook lists it,
 * and with 学习时长 switched off in settings a visit counts nothing.
 *
 * A tab behind another one: Playwright's own launch keeps every page `visible`
 * (its focus emulation), so that test runs in a Chromium started on its own and
 * attached with `noDefaults` (launchWithRealVisibility), where a tab opened in
 * front hides the one behind it as in a reader's browser. The clock's idle case
 * (no action for a minute) is covered by tests/unit/reading-clock.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { articleKey } from '@/lib/article-key';
import { launchWithRealVisibility, waitForReader, type ExtensionBrowser } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const STORAGE_KEY = `readingTime:${articleKey(SEED_URL)}`;

const env = useExtensionBrowser();

/** Milliseconds stored for the seed article, summed over days (read from extension storage). */
async function storedMs(browser: ExtensionBrowser = env.browser): Promise<number> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async (key: string) => {
    const days = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, number>;
    return Object.values(days).reduce((a, b) => a + b, 0);
  }, STORAGE_KEY);
}

/** Reads the page for `ms`: the mouse moves every 1.5 s. */
async function read(page: Page, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i++) {
    await page.mouse.move(200 + (i % 5) * 40, 300 + (i % 3) * 30);
    await page.waitForTimeout(Math.min(1_500, Math.max(0, until - Date.now())));
  }
}

describe('学习时长', () => {
  test('a page read for a measured time stores that time (± a few seconds); nothing once it is gone', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(SEED_URL);
    await waitForReader(page);
    const start = Date.now();
    await selectWithMouse(page, '要加强组织覆盖');
    await page.getByRole('button', { name: '绿色' }).click();
    await read(page, 9_000);
    await page.goto('about:blank');
    const truth = Date.now() - start;
    await expect.poll(() => storedMs(), { timeout: 5_000 }).toBeGreaterThan(0);
    const stored = await storedMs();
    console.info(`学习时长: read for ${truth} ms, stored ${Math.round(stored)} ms`);
    expect(Math.abs(stored - truth), `stored ${stored} ms, read ${truth} ms`).toBeLessThanOrEqual(3_000);
    await page.waitForTimeout(4_000);
    expect(await storedMs()).toBe(stored);

    const notebook = await env.browser.openExtensionPage('notebook.html');
    await notebook.getByRole('tab', { name: '文章' }).click();
    await expect.poll(() => notebook.locator('.article-row .reading').textContent()).toBe('学习不足 1 分钟');
    await notebook.close();
    await page.close();
  });

  test('switched off in settings: a visit counts nothing', async () => {
    const before = await storedMs();
    const options = await env.browser.openExtensionPage('options.html');
    const box = options.getByRole('checkbox', { name: '记录学习时长' });
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    const page = await env.browser.context.newPage();
    await page.goto(SEED_URL);
    await waitForReader(page);
    await read(page, 6_000);
    await page.goto('about:blank');
    await page.waitForTimeout(1_000);
    expect(await storedMs()).toBe(before);
    await box.check();
    await options.close();
    await page.close();
  });

  test('a tab behind another one counts nothing while hidden; shown again, it counts', async () => {
    const own = await launchWithRealVisibility(env.server.port);
    try {
      const page = await own.context.newPage();
      await page.goto(SEED_URL);
      await waitForReader(page);
      const visibility = (): Promise<string> => page.evaluate(() => document.visibilityState);
      // In front (the welcome tab of a first install may have opened over it).
      await page.bringToFront();
      await expect.poll(visibility).toBe('visible');
      // Read, visible: counted.
      const start = Date.now();
      await read(page, 6_000);
      // Another tab in front: the article's tab is hidden, the reader was active a moment ago.
      const front = await own.context.newPage();
      await front.goto('about:blank');
      await expect.poll(visibility).toBe('hidden');
      const firstRead = Date.now() - start;
      await expect.poll(() => storedMs(own), { timeout: 5_000 }).toBeGreaterThan(0);
      const atHiding = await storedMs(own);
      console.info(`学习时长 (hidden tab): read ${firstRead} ms visible, stored ${Math.round(atHiding)} ms when hidden`);
      expect(Math.abs(atHiding - firstRead), `stored ${atHiding} ms, read ${firstRead} ms`).toBeLessThanOrEqual(3_000);
      // Hidden for 8 s (well inside the minute an action keeps counting): nothing is added.
      await front.waitForTimeout(8_000);
      expect(await visibility()).toBe('hidden');
      expect(await storedMs(own)).toBe(atHiding);
      // Back in front and read again: counted again, the hidden time left out.
      await page.bringToFront();
      await expect.poll(visibility).toBe('visible');
      const again = Date.now();
      await read(page, 5_000);
      await page.goto('about:blank');
      const secondRead = Date.now() - again;
      await expect.poll(() => storedMs(own), { timeout: 5_000 }).toBeGreaterThan(atHiding);
      await page.waitForTimeout(1_500);
      const total = await storedMs(own);
      console.info(`学习时长 (hidden tab): read ${firstRead} + ${secondRead} ms visible, hidden 8,000 ms between, stored ${Math.round(total)} ms`);
      expect(Math.abs(total - (firstRead + secondRead)), `stored ${total} ms, read ${firstRead + secondRead} ms`).toBeLessThanOrEqual(3_000);
    } finally {
      await own.close();
    }
  });
});
