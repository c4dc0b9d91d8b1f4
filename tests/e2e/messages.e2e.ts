/**
 * No round trip without need (issue 14), in Chromium with the built extension:
 * a page whose article has no saved notes reaches `data-yd-state="done"` without
 * a single message to the background (the e2e build's background logs every
 * message it receives); a page with notes asks for them and has them back on the
 * page at `done`.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';

const env = useExtensionBrowser();

const POLICY_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const OTHER_URL = 'http://sports.people.com.cn/n1/2026/1120/c22155-match.html';

/** One message as the background's e2e log has it. */
interface Received {
  type: string;
  tabId: number | null;
  at: number;
}

/** What the page saw when it became done (recorded in the page's own world). */
interface DoneSnapshot {
  at: number;
  ownMarks: number;
}

/** Records, in every page, the wall-clock time of `done` and the reader's own marks on the page at that moment. */
const RECORD_DONE = `
  new MutationObserver((_, observer) => {
    if (document.documentElement?.getAttribute('data-yd-state') !== 'done') return;
    window.__ydDone = { at: Date.now(), ownMarks: document.querySelectorAll('yd-mark[data-annotation]').length };
    observer.disconnect();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-yd-state'] });
`;

async function received(tabId: number): Promise<Received[]> {
  const worker = env.browser.context.serviceWorkers()[0]!;
  const all = await worker.evaluate(() => (globalThis as { __ydReceived?: Received[] }).__ydReceived ?? null);
  if (all === null) throw new Error('the background keeps no message log: not the e2e build?');
  return all.filter((m) => m.tabId === tabId);
}

async function open(url: string): Promise<{ page: Page; done: DoneSnapshot; tabId: number }> {
  const page = await env.browser.context.newPage();
  await page.addInitScript(RECORD_DONE);
  await page.goto(url);
  await waitForReader(page);
  const done = await page.evaluate(() => (window as unknown as { __ydDone: DoneSnapshot }).__ydDone);
  return { page, done, tabId: await tabIdOf(env.browser, page) };
}

/** The page's messages until the badge report (sent right after done) has arrived. */
async function messagesOf(tabId: number): Promise<Received[]> {
  await expect.poll(async () => (await received(tabId)).some((m) => m.type === 'reportPage')).toBe(true);
  return received(tabId);
}

describe('a page without saved notes', () => {
  test.each([
    ['a policy article', POLICY_URL, 'true'],
    ['a page that is not policy', OTHER_URL, 'false'],
  ])('%s is done without any message to the background', async (_case, url, policy) => {
    const { page, done, tabId } = await open(url);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe(policy);
    const messages = await messagesOf(tabId);
    // The log works (the badge report after done is there), and nothing came before done.
    expect(messages.filter((m) => m.at < done.at)).toEqual([]);
    expect(messages.map((m) => m.type)).not.toContain('annotationsForArticle');
    expect(await page.getAttribute('html', 'data-yd-phases')).toMatch(
      /^extract:\d+\.\d,analyse:\d+\.\d,mark:\d+\.\d,notes:\d+\.\d$/,
    );
    await page.close();
  });
});

describe('a page with saved notes', () => {
  test('asks for them before done and has them on the page at done', async () => {
    const { page } = await open(POLICY_URL);
    const quote = await page.evaluate(
      () => [...document.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').find((t) => t.length > 30)!.slice(0, 12),
    );
    await selectWithMouse(page, quote);
    await page.getByRole('button', { name: '划线', exact: true }).click();
    await expect.poll(() => page.locator('yd-mark[data-annotation]').count()).toBeGreaterThan(0);
    await page.close();

    const again = await open(POLICY_URL);
    expect(again.done.ownMarks).toBeGreaterThan(0);
    expect((await again.page.locator('yd-mark[data-annotation]').allTextContents()).join('')).toBe(quote);
    const messages = await messagesOf(again.tabId);
    expect(messages.filter((m) => m.at < again.done.at).map((m) => m.type)).toEqual(['annotationsForArticle']);
    await again.page.close();
  });
});
