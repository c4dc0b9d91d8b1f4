/**
 * 全文网页 end to end, in Chromium with the built extension: a highlight with a
 * note and a plain highlight made with the mouse on the seed article; the
 * notebook's 全文网页 downloads one HTML file; opened from disk it loads
 * nothing but itself (every request recorded) and shows the article with the
 * two marks in their colours and the note beside. Then 全文 Markdown too.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { writeNoteOn } from '../support/notes';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
/** Highlighted with a note. */
const NOTED = '尤其要抓好党员承诺活动';
const NOTE_TEXT = '支部会上逐条对照<b>承诺</b>';
/** Highlighted green, no note. */
const PLAIN = '要加强组织覆盖';

const env = useExtensionBrowser();

async function download(notebook: Page, button: string): Promise<string> {
  const [file] = await Promise.all([notebook.waitForEvent('download'), notebook.getByRole('button', { name: button, exact: true }).click()]);
  const path = join(tmpdir(), `yandu-fulltext-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

describe('全文网页', () => {
  test('one offline HTML file with the article, the marks in their colours and the note beside; no request when opened', async () => {
    const article = await env.browser.context.newPage();
    await article.goto(SEED_URL);
    await waitForReader(article);
    await writeNoteOn(article, NOTED, NOTE_TEXT);
    await selectWithMouse(article, PLAIN);
    await article.getByRole('button', { name: '绿色' }).click();
    await expect.poll(() => article.locator('yd-mark[data-annotation][data-color="green"]').count()).toBeGreaterThan(0);

    const notebook = await env.browser.openExtensionPage('notebook.html');
    await notebook.getByRole('tab', { name: '文章' }).click();
    await notebook.getByRole('list', { name: '文章列表' }).getByRole('checkbox').first().check();
    const htmlPath = await download(notebook, '全文网页');
    expect(htmlPath).toMatch(/紧抓工作重点突出实践特色-全文\.html$/);

    const offline = await env.browser.context.newPage();
    const requests: string[] = [];
    offline.on('request', (request) => requests.push(request.url()));
    const fileUrl = pathToFileURL(htmlPath).href;
    await offline.goto(fileUrl);
    await offline.waitForLoadState('load');
    expect(requests).toEqual([fileUrl]);

    const marks = await offline.locator('mark[data-annotation]').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, color: el.getAttribute('data-color'), background: getComputedStyle(el).backgroundColor })),
    );
    const byText = (text: string) => marks.filter((m) => text.includes(m.text ?? '\u0000'));
    expect(byText(NOTED).map((m) => m.text).join('')).toBe(NOTED);
    expect(byText(PLAIN).map((m) => m.text).join('')).toBe(PLAIN);
    expect(new Set(byText(PLAIN).map((m) => m.color))).toEqual(new Set(['green']));
    for (const m of marks) expect(m.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    // The note stands beside its paragraph, as text (its markup shown, not made).
    const note = offline.locator('.note').filter({ hasText: NOTE_TEXT });
    await expect.poll(() => note.count()).toBe(1);
    expect(await offline.locator('.note b', { hasText: '承诺' }).count()).toBe(0);
    const [noteBox, markBox] = await Promise.all([note.boundingBox(), offline.locator('mark[data-annotation]').filter({ hasText: '承诺' }).first().boundingBox()]);
    expect(noteBox!.x).toBeGreaterThan(markBox!.x);
    // The whole article is there, with its structure underlined.
    expect(await offline.locator('main').textContent()).toContain('要把围绕中心、服务大局摆在更加突出的位置');
    expect(await offline.locator('[data-kind="directive"]').count()).toBeGreaterThan(5);

    const mdPath = await download(notebook, '全文 Markdown');
    const md = await readFile(mdPath, 'utf8');
    expect(md).toContain(`==${NOTED}==`);
    expect(md).toContain(`==${PLAIN}==`);
    expect(md).toMatch(/> 【黄】批注1：支部会上逐条对照\\<b\\>承诺\\<\/b\\>/);
  });

  test('without the article open, it is opened for the reader, who is told to try again', async () => {
    for (const page of env.browser.context.pages()) if (page.url().startsWith('http://dangjian.')) await page.close();
    const notebook = await env.browser.openExtensionPage('notebook.html');
    await notebook.getByRole('tab', { name: '文章' }).click();
    await notebook.getByRole('list', { name: '文章列表' }).getByRole('checkbox').first().check();
    const [opened] = await Promise.all([env.browser.context.waitForEvent('page'), notebook.getByRole('button', { name: '全文网页' }).click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toContain('c117092-seed.html');
    expect(await notebook.getByRole('status').textContent()).toContain('页面载入后请再点一次');
  });
});
