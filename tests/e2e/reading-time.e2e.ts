/**
 * 学习时长 in Chromium with the built extension: the seed article kept open and
 * read (the mouse moving now and then) for a measured time; when the reader
 * leaves the page, the time stored for the article is within a few seconds of
 * that truth, nothing is added once the page is gone, the notebook lists it,
 * and with 学习时长 switched off in settings a visit counts nothing.
 *
 * Headless Chromium keeps every tab `visible` (also a background tab, also
 * headful under Xvfb with Playwright), so a hidden tab cannot be made here: the
 * clock's hidden and idle cases are covered by tests/unit/reading-clock.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { articleKey } from '@/lib/article-key';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const STORAGE_KEY = `readingTime:${articleKey(SEED_URL)}`;

const env = useExtensionBrowser();

/** Milliseconds stored for the seed article, summed over days (read from extension storage). */
async function storedMs(): Promise<number> {
  const worker = env.browser.context.serviceWorkers()[0]!;
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
    await expect.poll(storedMs, { timeout: 5_000 }).toBeGreaterThan(0);
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
});
