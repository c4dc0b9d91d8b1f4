/**
 * Reading a page (issue 4) in Chromium with the built extension: late content,
 * history navigation, the outline panel (order, jump, switches), and running on
 * request on a site that is not enabled. Pages are our own fixtures.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { markedItems, openPanel, panel, visibleText, type MarkedItem } from '../support/page-helpers';

const env = useExtensionBrowser();


/** Waits until the page's marks stop changing for `stillMs`, and returns them. */
async function settledItems(page: Page, stillMs = 1_500): Promise<MarkedItem[]> {
  let last = JSON.stringify(await markedItems(page));
  for (;;) {
    await page.waitForTimeout(stillMs);
    const now = JSON.stringify(await markedItems(page));
    if (now === last) return JSON.parse(now) as MarkedItem[];
    last = now;
  }
}

describe('late and changing pages', () => {
  test('an article inserted a second after load gets marked once', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('http://www.gov.cn/zhengce/late.html');
    await page.waitForSelector('yd-mark[data-kind="directive"]', { state: 'attached', timeout: 15_000 });
    const items = await settledItems(page);
    const directives = items.filter((i) => i.kind === 'directive').map((i) => i.text.slice(0, 6));
    expect(directives).toEqual(['一是要健全基', '二是要加强村', '三是要推进网']);
    // No duplicates: no mark inside a mark of the same item, one item per directive.
    expect(await page.locator('yd-mark[data-kind] yd-mark[data-kind="directive"]').count()).toBe(0);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('true');
    await page.close();
  });

  test('a history navigation replaces the marks with those of the new article', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('http://www.gov.cn/zhengce/spa.html');
    await waitForReader(page);
    expect((await markedItems(page)).some((i) => i.text.startsWith('一是要健全'))).toBe(true);

    await page.click('#next');
    await expect.poll(async () => (await markedItems(page)).some((i) => i.text.startsWith('首先'))).toBe(true);
    const items = await settledItems(page);
    expect(items.filter((i) => i.kind === 'directive').map((i) => i.text.slice(0, 2))).toEqual(['首先', '其次', '最后']);
    expect(items.some((i) => i.text.startsWith('一是要健全'))).toBe(false);
    // The panel starts collapsed here: the test page's article runs the full width of the window.
    expect(await page.getByRole('button', { name: '展开研读提纲' }).count()).toBe(1);
    const outline = await openPanel(page);
    await expect.poll(() => outline.getByRole('button', { name: /^首先/ }).count()).toBe(1);
    expect(await outline.getByRole('button', { name: /^一是要健全/ }).count()).toBe(0);
    await page.close();
  });
  test('once done, the marks stay: our own toolbar and panel going into the page do not make the reader read it again', async () => {
    // Paragraphs indented with 　　, as on most official sites: a page read again with its marks in it gave another
    // text, so every mark was rebuilt about half a second after done, under a selection the reader was making.
    const page = await env.browser.context.newPage();
    await page.goto('http://www.people.com.cn/n1/2024/0102/c64387-multi-2.html');
    await waitForReader(page);
    await page.evaluate(() => {
      const removed: string[] = [];
      (window as unknown as { removedMarks: string[] }).removedMarks = removed;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.removedNodes) if (n.nodeName === 'YD-MARK') removed.push(n.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.waitForSelector('yandu-panel', { state: 'attached' });
    await page.waitForTimeout(2_000);
    expect(await page.locator('yd-mark[data-kind]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { removedMarks: string[] }).removedMarks)).toEqual([]);
    await page.close();
  });
});

describe('the outline panel', () => {
  test('lists the directives in order, jumps to one with a flash, and switches kinds off and on', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html');
    await waitForReader(page);
    const outline = panel(page);
    await expect.poll(() => outline.textContent()).toContain('4个方面');

    const entries = await outline.locator('.yd-entry').allTextContents();
    const order = ['一是要认真学习', '其一', '五是要抓好工作结合', '四是要开展好党群共建'].map((start) =>
      entries.findIndex((entry) => entry.startsWith(start)),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const target = outline.getByRole('button', { name: /^四是要开展好党群共建/ });
    await target.click();
    const mark = page.locator('yd-mark[data-kind="directive"]', { hasText: '四是要开展好党群共建' }).first();
    await expect.poll(() => mark.getAttribute('data-yd-flash')).toBe('');
    await expect.poll(() => mark.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);

    const background = (): Promise<string> => mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    const shown = await background();
    expect(shown).not.toBe('rgba(0, 0, 0, 0)');
    await outline.getByRole('button', { name: '举措', exact: true }).click();
    await expect.poll(background).toBe('rgba(0, 0, 0, 0)');
    expect(await outline.getByRole('button', { name: '举措', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await outline.getByRole('button', { name: '举措', exact: true }).click();
    await expect.poll(background).toBe(shown);

    await outline.getByRole('button', { name: '收起研读提纲' }).click();
    await expect.poll(() => page.getByRole('button', { name: '展开研读提纲' }).count()).toBe(1);
    await page.reload();
    await waitForReader(page);
    // The panel remembers it was collapsed.
    await expect.poll(() => page.getByRole('button', { name: '展开研读提纲' }).count()).toBe(1);
    await page.getByRole('button', { name: '展开研读提纲' }).click();
    await page.close();
  });

  test('marking leaves the visible text of the page exactly as it was', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html');
    await waitForReader(page);
    const marked = await visibleText(page);
    expect(await page.locator('yd-mark').count()).toBeGreaterThan(20);
    await page.evaluate(() => {
      for (const mark of document.querySelectorAll('yd-mark')) mark.replaceWith(...mark.childNodes);
    });
    expect(await visibleText(page)).toBe(marked);
    await page.close();
  });
});

describe('on request, on a site that is not enabled', () => {
  test('nothing happens by itself; 分析本页 in the popup marks the page even though it is not policy', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('http://www.example.org/blog.html');
    await page.waitForTimeout(1_000);
    expect(await page.getAttribute('html', 'data-yd-state')).toBeNull();

    const popup = await env.browser.openExtensionPage(`popup.html?tab=${await tabIdOf(env.browser, page)}`);
    await popup.getByRole('button', { name: '分析本页' }).click();
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('false');
    const directives = (await markedItems(page)).filter((i) => i.kind === 'directive').map((i) => i.text.slice(0, 6));
    expect(directives).toEqual(['一是要珍惜时', '二是要多做笔', '三是要多交流']);

    // Asking again does not mark twice.
    await popup.getByRole('button', { name: '分析本页' }).click();
    await page.waitForTimeout(800);
    expect((await markedItems(page)).filter((i) => i.kind === 'directive')).toHaveLength(3);
    await popup.close();
    await page.close();
  });
});

describe('pages that are not articles', () => {
  test.each([
    ['a list of documents', 'http://www.gov.cn/zhengce/zuixin/index.html'],
    ['search results', 'http://sousuo.www.gov.cn/search.html'],
  ])('%s gets no marks and no panel', async (_kind, url) => {
    const page = await env.browser.context.newPage();
    await page.goto(url);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('false');
    expect(await page.locator('yd-mark').count()).toBe(0);
    expect(await panel(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: '展开研读提纲' }).count()).toBe(0);
    await page.close();
  });
});
