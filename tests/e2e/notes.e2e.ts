/**
 * The reader's own highlights and notes end to end, in Chromium with the built
 * extension: made by real mouse selection, back in place after reload, re-attached
 * on a revised version of the page (inserted paragraphs, a rewritten sentence,
 * re-wrapped text) with the removed one shown as 未定位, deleted and undone, and
 * listed in the popup. The editor and the note under the pointer are driven inside
 * the note frame (an extension page), by the same accessible names.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { FIXTURE_SITE_DIR, tabIdOf, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { noteFrame } from '../support/page-helpers';

const DIR = 'dangjian.people.com.cn/n1/2011/0315';
const ARTICLE_URL = `http://${DIR}/c117092-notes.html`;
/** The revised page under its own URL; its canonical link names ARTICLE_URL. */
const REVISED_URL = `http://${DIR}/c117092-notes-revised.html`;
const REVISED_FILE = resolve(FIXTURE_SITE_DIR, DIR, 'c117092-notes-revised.html');

/** Kept in the revision, but re-wrapped there (a line break and spaces inside it). */
const QUOTE_GREEN = '创先争优活动只有与经济社会发展紧密结合';
/** Kept unchanged, two paragraphs further down. */
const QUOTE_NOTE = '尤其要抓好党员承诺活动';
/** Removed by the revision. */
const QUOTE_GONE = '用身边事教育身边人';
const NOTE_TEXT = '结合本支部实际：\n每季度公开承诺一次';

/** Which file the server returns for ARTICLE_URL: swapped by the test to serve the revision under the same address. */
const routes = new Map<string, string>();
const env = useExtensionBrowser(routes);

/** The text of one note's marks (all pieces), or of all own marks of a colour. */
function ownMarkText(page: Page, selector: string): Promise<string> {
  return page.locator(`yd-mark[data-annotation]${selector}`).allTextContents().then((t) => t.join(''));
}

function folded(text: string): string {
  return text.replace(/\s+/g, '');
}

async function openArticle(url: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(url);
  await waitForReader(page);
  return page;
}

async function popupSection(page: Page): Promise<{ popup: Page; section: Locator }> {
  const popup = await env.browser.openExtensionPage(`popup.html?tab=${await tabIdOf(env.browser, page)}`);
  return { popup, section: popup.getByRole('region', { name: '本页标注' }) };
}

describe('the reader’s own highlights and notes', () => {
  test('made with the mouse, they come back after reload and on a revised page; the removed one is 未定位', async () => {
    const page = await openArticle(ARTICLE_URL);

    // 划线 in green.
    await selectWithMouse(page, QUOTE_GREEN);
    await page.getByRole('button', { name: '绿色' }).click();
    await expect.poll(() => ownMarkText(page, '[data-color="green"]')).toBe(QUOTE_GREEN);
    const greenId = await page.locator('yd-mark[data-color="green"]').first().getAttribute('data-annotation');

    // 批注 with a tag, saved with Ctrl+Enter.
    await selectWithMouse(page, QUOTE_NOTE);
    await page.getByRole('button', { name: '批注' }).click();
    const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
    await editor.fill(NOTE_TEXT);
    await noteFrame(page).getByRole('combobox', { name: '标签' }).fill('三会一课');
    await editor.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);
    const noteId = await page.locator('yd-mark[data-annotation]').filter({ hasText: QUOTE_NOTE }).first().getAttribute('data-annotation');
    expect(await ownMarkText(page, `[data-annotation="${noteId}"]`)).toBe(QUOTE_NOTE);

    // 划线 (in the colour chosen last) on the sentence the revision will remove.
    await selectWithMouse(page, QUOTE_GONE);
    await page.getByRole('button', { name: '划线', exact: true }).click();
    await expect.poll(() => page.locator('yd-mark[data-annotation]').filter({ hasText: QUOTE_GONE }).count()).toBe(1);

    // Reload: all three in place, the note shown on hover.
    await page.reload();
    await waitForReader(page);
    expect(await ownMarkText(page, `[data-annotation="${greenId}"][data-color="green"]`)).toBe(QUOTE_GREEN);
    expect(await ownMarkText(page, `[data-annotation="${noteId}"]`)).toBe(QUOTE_NOTE);
    expect(await page.locator('yd-mark[data-annotation]').filter({ hasText: QUOTE_GONE }).count()).toBe(1);
    await page.locator(`yd-mark[data-annotation="${noteId}"]`).first().hover();
    await expect.poll(() => noteFrame(page).getByRole('tooltip').textContent()).toContain('每季度公开承诺一次');

    // The revised page under another URL with the same canonical link: two re-attach, one is 未定位.
    const revised = await openArticle(REVISED_URL);
    expect(folded(await ownMarkText(revised, `[data-annotation="${greenId}"]`))).toBe(QUOTE_GREEN);
    expect(await ownMarkText(revised, `[data-annotation="${noteId}"]`)).toBe(QUOTE_NOTE);
    expect(await revised.locator('yd-mark[data-annotation]').count()).toBeGreaterThanOrEqual(2);
    expect(await revised.getByText(QUOTE_GONE).count()).toBe(0);
    const fromRevised = await popupSection(revised);
    await expect.poll(() => fromRevised.section.getByRole('listitem').count()).toBe(3);
    await expect.poll(() => fromRevised.section.getByRole('listitem').filter({ hasText: QUOTE_GONE }).getByText('未定位').count()).toBe(1);
    await fromRevised.popup.close();
    await revised.close();

    // The same address now serving the revision: the popup lists all three, the removed one as 未定位.
    routes.set(`${DIR}/c117092-notes.html`, REVISED_FILE);
    await page.reload();
    await waitForReader(page);
    expect(await ownMarkText(page, `[data-annotation="${noteId}"]`)).toBe(QUOTE_NOTE);
    const { popup, section } = await popupSection(page);
    await expect.poll(() => section.getByRole('listitem').count()).toBe(3);
    const gone = section.getByRole('listitem').filter({ hasText: QUOTE_GONE });
    await expect.poll(() => gone.getByText('未定位').count()).toBe(1);
    expect(await section.getByText('未定位').count()).toBe(1);
    expect(await section.getByRole('listitem').filter({ hasText: QUOTE_NOTE }).textContent()).toContain('#三会一课');
    await popup.close();
    routes.clear();
    await page.close();
  });

  test('a note opens for editing on click; delete removes it, undo brings it back for good', async () => {
    const page = await openArticle(ARTICLE_URL);
    const mark = page.locator('yd-mark[data-annotation]').filter({ hasText: QUOTE_NOTE }).first();
    const id = await mark.getAttribute('data-annotation');
    await mark.click();
    const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
    expect(await editor.inputValue()).toBe(NOTE_TEXT);

    await noteFrame(page).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.locator(`yd-mark[data-annotation="${id}"]`).count()).toBe(0);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => ownMarkText(page, `[data-annotation="${id}"]`)).toBe(QUOTE_NOTE);

    await page.reload();
    await waitForReader(page);
    expect(await ownMarkText(page, `[data-annotation="${id}"]`)).toBe(QUOTE_NOTE);
    const { popup, section } = await popupSection(page);
    await expect.poll(() => section.getByText(QUOTE_NOTE).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  test('Esc and 取消 close the note editor without saving, and the focus goes back to the page', async () => {
    const page = await openArticle(ARTICLE_URL);
    await page.bringToFront();
    const before = await page.locator('yd-mark[data-annotation]').count();
    const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
    // The page's own focus: on its body, or on our host while the editor (in the frame inside it) has it.
    const pageFocus = (): Promise<string> => page.evaluate(() => document.activeElement?.tagName ?? '');
    for (const close of ['Esc', '取消'] as const) {
      // A press inside the last selection would drag it: start from none.
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await selectWithMouse(page, '二是要丰富实践载体');
      await page.getByRole('button', { name: '批注' }).click();
      // The focus went into the frame, to the text box: typing needs no click.
      await expect.poll(() => editor.evaluate((box) => box === document.activeElement)).toBe(true);
      expect(await pageFocus()).toBe('YANDU-TOOLBAR');
      await page.keyboard.type('不保存的文字');
      if (close === 'Esc') await page.keyboard.press('Escape');
      else await noteFrame(page).getByRole('button', { name: '取消' }).click();
      await expect.poll(() => editor.count()).toBe(0);
      await expect.poll(pageFocus).toBe('BODY');
      expect(await page.locator('yd-mark[data-annotation]').count()).toBe(before);
    }
    await page.close();
  });
});

describe('an automatic mark', () => {
  test('offers the toolbar for its whole item; 批注 opens the editor with the item and saves it as an own note', async () => {
    const page = await openArticle(ARTICLE_URL);
    const item = await page.locator('yd-mark[data-kind="directive"]').first().getAttribute('data-item');
    const itemText = await page.locator(`yd-mark[data-item="${item}"]`).allTextContents().then((t) => t.join(''));
    await page.locator(`yd-mark[data-item="${item}"]`).first().click();
    await page.getByRole('button', { name: '批注' }).click();
    const dialog = noteFrame(page).getByRole('dialog', { name: '批注' });
    expect(await dialog.locator('blockquote').textContent()).toBe(itemText);
    await noteFrame(page).getByRole('textbox', { name: '批注' }).fill('这一条要在支部会上重点讨论');
    await noteFrame(page).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('yd-mark[data-annotation]').filter({ hasText: itemText.slice(0, 4) }).count()).toBeGreaterThan(0);
    const id = await page.locator('yd-mark[data-annotation]').filter({ hasText: itemText.slice(0, 4) }).first().getAttribute('data-annotation');
    expect(await ownMarkText(page, `[data-annotation="${id}"]`)).toBe(itemText);
    await page.close();
  });
});
