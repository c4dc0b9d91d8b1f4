/**
 * The walking skeleton end to end, in Debian Chromium with the built extension:
 * a policy article gets its 一是… items marked, a highlight made with the mouse
 * is saved through the background and comes back after reload, and the popup
 * lists it. A plain news page gets nothing.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { markedItems } from '../support/page-helpers';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const SPORTS_URL = 'http://sports.people.com.cn/n1/2026/1120/c22155-match.html';

/** The seed article's 一是/二是… directives (from its gold labels): marker and the words after it. */
const SEED_DIRECTIVES: [string, string][] = [
  ['一是', '要认真学习领会'],
  ['二是', '要在创先争优活动中扎实开展调查研究'],
  ['三是', '要立足自身实际谋划具体工作'],
  ['一是', '要加强组织覆盖'],
  ['二是', '要丰富实践载体'],
  ['三是', '要规范组织建设'],
  ['四是', '要注重争创过程'],
  ['五是', '要抓好工作结合'],
  ['一是', '要在强化作风上创先争优'],
  ['二是', '要在增强本领上创先争优'],
  ['三是', '要在服务群众上创先争优'],
  ['四是', '要开展好党群共建创先争优'],
];

const env = useExtensionBrowser();

describe('a policy article', () => {
  test('is recognised and its 一是/二是… directives are marked with their first words', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(SEED_URL);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('true');
    expect(Number(await page.getAttribute('html', 'data-yd-ms'))).toBeGreaterThan(0);

    const directives = (await markedItems(page)).filter((i) => i.kind === 'directive').map((i) => i.text);
    for (const [marker, words] of SEED_DIRECTIVES) {
      expect(directives.some((item) => item.startsWith(marker + words))).toBe(true);
    }
    // 第一责任人 is not a marker.
    expect(directives.some((item) => item.startsWith('第一责任人'))).toBe(false);
    // Nothing outside the article is marked.
    expect(await page.locator('.top-nav yd-mark, .side yd-mark, .footer yd-mark').count()).toBe(0);
    await page.close();
  });

  test('a highlight made with the mouse is saved, comes back after reload, and is listed in the popup', async () => {
    const quote = '创先争优活动只有与经济社会发展紧密结合';
    const page = await env.browser.context.newPage();
    await page.goto(SEED_URL);
    await waitForReader(page);

    await selectWithMouse(page, quote);
    await page.getByRole('button', { name: '划线' }).click();
    const own = page.locator('yd-mark[data-annotation]');
    await expect.poll(() => own.allTextContents().then((t) => t.join(''))).toBe(quote);
    const id = await own.first().getAttribute('data-annotation');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await page.reload();
    await waitForReader(page);
    expect(await own.allTextContents().then((t) => t.join(''))).toBe(quote);
    expect(await own.first().getAttribute('data-annotation')).toBe(id);

    const tabId = await tabIdOf(env.browser, page);
    const popup = await env.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const pageSection = popup.getByRole('region', { name: '本页标注' });
    await expect.poll(() => pageSection.getByText(quote).count()).toBe(1);
    const allSection = popup.getByRole('region', { name: '全部标注' });
    await expect.poll(() => allSection.getByText(quote).count()).toBe(1);
    expect(await allSection.getByText('紧抓工作重点 突出实践特色').count()).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
});

describe('an ordinary news page on an official site', () => {
  test('is not taken for policy and gets no marks', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(SPORTS_URL);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('false');
    expect(await page.locator('yd-mark').count()).toBe(0);
    await page.close();
  });
});

describe('keyboard shortcuts', () => {
  test('every command of ours gets its suggested key in Chromium (none taken by the browser)', async () => {
    const worker = env.browser.context.serviceWorkers()[0]!;
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    const ours = commands.filter((c) => c.name !== '_execute_action');
    expect(ours.map((c) => c.name).sort()).toEqual(['highlight-selection', 'note-selection']);
    for (const command of ours) expect(command.shortcut, command.name).toMatch(/^Alt\+Shift\+[A-Z]$/);
  });
});
