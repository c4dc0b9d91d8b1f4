/**
 * Hostile pages (issue 9): page scripts that break DOM prototypes, take our
 * marks out, rewrite the article every second or spam mutations. The reader
 * keeps working or backs off and stops; the page stays responsive; no errors of
 * ours; markup-like page text shows only as text in our UI.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { markedItems, openPanel } from '../support/page-helpers';

const env = useExtensionBrowser();
const PAGE = 'http://www.gov.cn/hostile/index.html';

/** How many times the reader has run on the page (counted by the page itself). */
function runs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { ydRuns: number }).ydRuns);
}

/** Opens the page in `mode`, collecting errors that come from the extension's code. */
async function openHostile(mode: string): Promise<{ page: Page; ourErrors: string[] }> {
  const page = await env.browser.context.newPage();
  const ourErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && (message.text().includes('研读') || message.location().url.startsWith('chrome-extension://'))) {
      ourErrors.push(message.text());
    }
  });
  await page.goto(`${PAGE}?mode=${mode}`);
  await waitForReader(page);
  return { page, ourErrors };
}

function directiveCount(page: Page): Promise<number> {
  return markedItems(page).then((items) => items.filter((i) => i.kind === 'directive').length);
}

describe('hostile pages', () => {
  test('broken DOM prototypes in the page do not touch the reader (it lives in its own world)', async () => {
    const { page, ourErrors } = await openHostile('prototypes');
    expect(await directiveCount(page)).toBe(3);
    expect(ourErrors).toEqual([]);
    await page.close();
  });

  test('a page that keeps taking our marks out: no loop, page responsive, no errors', async () => {
    const { page, ourErrors } = await openHostile('remove-marks');
    await page.waitForTimeout(4_000);
    // The page unwraps our marks and moves a paragraph every 0.7 s; we may re-run a few times, then stop.
    expect(await runs(page)).toBeLessThanOrEqual(7);
    const settled = await runs(page);
    await page.waitForTimeout(2_000);
    expect(await runs(page)).toBeLessThanOrEqual(Math.max(settled, 7));
    expect(await page.evaluate(() => document.title)).toContain('政策文件');
    expect(ourErrors).toEqual([]);
    await page.close();
  });

  test('an article rewritten every second: the reader follows a few times, then goes quiet for good', async () => {
    const { page, ourErrors } = await openHostile('rewrite');
    await page.waitForTimeout(10_000);
    const afterTen = await runs(page);
    // The first run plus at most six re-runs (the watch's budget).
    expect(afterTen).toBeGreaterThan(1);
    expect(afterTen).toBeLessThanOrEqual(7);
    await page.waitForTimeout(3_000);
    expect(await runs(page)).toBe(afterTen);
    expect(ourErrors).toEqual([]);
    await page.close();
  });

  test('a mutation every 5 ms: the reader never settles into a loop and the page stays responsive', async () => {
    const { page, ourErrors } = await openHostile('spam');
    await page.waitForTimeout(3_000);
    // Within the watch's budget (the first run and at most six re-runs). The page's counter used to see
    // only runs that waited for something, and so read 1 here; counted from the mutation records, the
    // build before issue 14's changes runs twice on this page as well (the second run finds the same
    // article and changes nothing).
    expect(await runs(page)).toBeLessThanOrEqual(7);
    expect(await directiveCount(page)).toBe(3);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(ourErrors).toEqual([]);
    await page.close();
  });
});

describe('pages past the reader\'s limits', () => {
  test('nested deeper than 1,000 levels: the reader stops itself, says why, and the page is done', async () => {
    const page = await env.browser.context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await page.goto(`${PAGE}?mode=deep`);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('false');
    expect(await directiveCount(page)).toBe(0);
    expect(warnings.some((text) => text.includes('页面嵌套过深'))).toBe(true);
    await page.close();
  });

  test('more elements than the depth limit, side by side: read and marked as usual', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${PAGE}?mode=wide`);
    await waitForReader(page);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(1_200);
    expect(await directiveCount(page)).toBe(3);
    await page.close();
  });
});

describe('markup in page text', () => {
  test('shows in the panel only as text and never runs', async () => {
    const { page } = await openHostile('none');
    const outline = await openPanel(page);
    await expect.poll(() => outline.textContent()).toContain('三是要推进<img');
    expect(await outline.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { ydPwned?: number }).ydPwned)).toBeUndefined();
    await page.close();
  });
});
