/**
 * 复制引用 end to end in Chromium: on an article served over plain http (as
 * many official sites still are, where the page has no Clipboard API) the
 * toolbar says 已复制引用 and the clipboard holds the quote with the article's
 * title and address; pasted into a text box, it reads back whole.
 */
import { describe, expect, test } from 'vitest';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';

const env = useExtensionBrowser();
const ARTICLE_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-notes.html';
const QUOTE = '尤其要抓好党员承诺活动';

describe('复制引用', () => {
  test('on an http page says 已复制引用 and puts the quote, title and address on the clipboard', async () => {
    const page = await env.browser.context.newPage();
    await page.bringToFront();
    await page.goto(ARTICLE_URL);
    await waitForReader(page);
    // The premise: this page has no Clipboard API, so the other way is what is tested.
    expect(await page.evaluate(() => typeof navigator.clipboard)).toBe('undefined');
    const title = await page.title();

    await selectWithMouse(page, QUOTE);
    await page.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('已复制引用');

    // Paste into a text box of the page's own.
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'paste-here';
      document.body.prepend(box);
      box.focus();
    });
    await page.keyboard.press('Control+V');
    const pasted = await page.locator('#paste-here').inputValue();
    expect(pasted).toContain(QUOTE);
    expect(pasted).toContain(title.split(/[-_|]/)[0]!.trim().slice(0, 6));
    expect(pasted).toContain('dangjian.people.com.cn');
  });
});
