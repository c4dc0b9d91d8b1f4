/**
 * The popup and the notebook end to end, in Chromium with the built extension:
 * notes made with the mouse on two articles (a 中国政府网 notice and the seed
 * article) show in the popup and the notebook; Chinese search by two and five
 * characters finds exactly the right notes; filters narrow them; a note's link
 * opens its article scrolled to it; the 提法库 lists both articles'
 * formulations; export as .docx and backup JSON really download; a wiped
 * database comes back from the backup, without duplicates on a second import,
 * and a corrupted file is refused with a clear message, nothing changed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openReaderPage, tabIdOf, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { noteFrame } from '../support/page-helpers';

const GOV_URL = 'http://www.gov.cn/zhengce/notebook-a.html';
const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
/** On the notice, with a note and a tag. */
const GOV_NOTE = '健全基层党组织领导的治理机制';
/** On the notice, green, no note: the only note with 网格. */
const GOV_GREEN = '推进网格化管理';
/** On the seed article; its NOTE (not its quote) says 基层党组织. */
const SEED_NOTE = '尤其要抓好党员承诺活动';
const SEED_NOTE_TEXT = '基层党组织要带头公开承诺';

const env = useExtensionBrowser();

const openArticle = (url: string): Promise<Page> => openReaderPage(env.browser, url);

async function writeNote(page: Page, quote: string, text: string, tag: string): Promise<void> {
  // In front, as the reader's tab is: a background tab draws no frames, and clicks into the note frame need them.
  await page.bringToFront();
  await selectWithMouse(page, quote);
  await page.getByRole('button', { name: '批注' }).click();
  const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
  await editor.fill(text);
  await noteFrame(page).getByRole('combobox', { name: '标签' }).fill(tag);
  await editor.press('Control+Enter');
  await expect.poll(() => editor.count()).toBe(0);
}

function noteItems(notebook: Page) {
  return notebook.getByRole('list', { name: '笔记列表' }).getByRole('listitem');
}

async function shownQuotes(notebook: Page): Promise<string[]> {
  const quotes = await notebook.locator('.row .quote').allTextContents();
  return quotes.sort();
}

async function saved(download: Download, name: string): Promise<string> {
  const path = join(tmpdir(), `yandu-${Date.now()}-${name}`);
  await download.saveAs(path);
  return path;
}

describe('popup and notebook', () => {
  test('notes of two articles: popup, search, filters, link back, 提法库, export, backup and restore', async () => {
    const gov = await openArticle(GOV_URL);
    await writeNote(gov, GOV_NOTE, '本支部要对照落实', '基层治理');
    await selectWithMouse(gov, GOV_GREEN);
    await gov.getByRole('button', { name: '绿色' }).click();
    await expect.poll(() => gov.locator('yd-mark[data-annotation][data-color="green"]').count()).toBeGreaterThan(0);
    const seed = await openArticle(SEED_URL);
    await writeNote(seed, SEED_NOTE, SEED_NOTE_TEXT, '承诺');

    // Popup on the notice: its two notes, its outline, both recent articles, search.
    const popup = await env.browser.openExtensionPage(`popup.html?tab=${await tabIdOf(env.browser, gov)}`);
    const pageSection = popup.getByRole('region', { name: '本页标注' });
    await expect.poll(() => pageSection.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => popup.getByRole('region', { name: '本页提纲' }).textContent()).toContain('要推进网格化管理');
    const recentArticles = popup.getByRole('region', { name: '最近的文章' });
    expect(await recentArticles.textContent()).toContain('关于推进基层治理能力建设的通知');
    expect(await recentArticles.textContent()).toContain('紧抓工作重点');
    await popup.getByRole('searchbox').fill('网格');
    const results = popup.getByRole('region', { name: '搜索结果' });
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    expect(await results.locator('mark').allTextContents()).toEqual(['网格']);
    await popup.close();

    // Notebook: all three notes; search by two and five characters; filters.
    const notebook = await env.browser.openExtensionPage('notebook.html');
    await expect.poll(() => noteItems(notebook).count()).toBe(3);
    const searchbox = notebook.getByRole('searchbox');
    await searchbox.fill('网格');
    await expect.poll(() => shownQuotes(notebook)).toEqual([GOV_GREEN]);
    await searchbox.fill('基层党组织');
    await expect.poll(() => shownQuotes(notebook)).toEqual([GOV_NOTE, SEED_NOTE].sort());
    expect(await notebook.locator('.row mark').allTextContents()).toEqual(['基层党组织', '基层党组织']);
    await notebook.getByLabel('网站').selectOption('www.gov.cn');
    await expect.poll(() => shownQuotes(notebook)).toEqual([GOV_NOTE]);
    await searchbox.fill('');
    await expect.poll(() => shownQuotes(notebook)).toEqual([GOV_GREEN, GOV_NOTE].sort());
    await notebook.getByLabel('颜色').selectOption('green');
    await expect.poll(() => shownQuotes(notebook)).toEqual([GOV_GREEN]);
    await notebook.getByLabel('颜色').selectOption('');
    await notebook.getByLabel('网站').selectOption('');
    await notebook.getByLabel('标签').selectOption('承诺');
    await expect.poll(() => shownQuotes(notebook)).toEqual([SEED_NOTE]);

    // The link back opens the seed article scrolled to the note.
    const [opened] = await Promise.all([
      env.browser.context.waitForEvent('page'),
      noteItems(notebook).first().getByRole('link').click(),
    ]);
    await waitForReader(opened);
    expect(opened.url()).toContain('#yd-note=');
    const mark = opened.locator('yd-mark[data-annotation]').filter({ hasText: SEED_NOTE }).first();
    await expect.poll(() => mark.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    await opened.close();
    await notebook.getByLabel('标签').selectOption('');

    // 提法库: both articles' formulations, with counts.
    await notebook.getByRole('tab', { name: '提法库' }).click();
    const table = notebook.getByRole('region', { name: '提法库' });
    const rowOf = (text: string) => table.getByRole('row').filter({ has: notebook.getByRole('button', { name: text, exact: true }) });
    await expect.poll(() => rowOf('一线工作法').count()).toBe(1);
    expect((await rowOf('一线工作法').getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['1', '1']);
    expect((await rowOf('五好').getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['1', '2']);
    await rowOf('五好').getByRole('button', { name: '五好' }).click();
    expect(await table.getByRole('list', { name: '“五好”的出处' }).textContent()).toContain('紧抓工作重点');

    // Export both articles as Word, then a backup.
    await notebook.getByRole('tab', { name: '文章' }).click();
    for (const box of await notebook.getByRole('list', { name: '文章列表' }).getByRole('checkbox').all()) await box.check();
    const [docx] = await Promise.all([notebook.waitForEvent('download'), notebook.getByRole('button', { name: 'Word' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/等2篇\.docx$/);
    expect((await readFile(await saved(docx, 'notes.docx'))).subarray(0, 2).toString()).toBe('PK');
    const [backup] = await Promise.all([notebook.waitForEvent('download'), notebook.getByRole('button', { name: '备份', exact: true }).click()]);
    expect(backup.suggestedFilename()).toMatch(/^研读备份-.*\.json$/);
    const backupPath = await saved(backup, 'backup.json');

    // Wipe every table, then restore: every note and tag is back; twice: no duplicates.
    await notebook.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('yandu');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) tx.objectStore(name).clear();
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    });
    await notebook.reload();
    await expect.poll(() => notebook.getByText('还没有笔记').count()).toBe(1);
    const importer = notebook.getByLabel('导入备份');
    await importer.setInputFiles(backupPath);
    await expect.poll(() => notebook.getByRole('status').textContent()).toMatch(/导入完成：新增 \d+ 条/);
    await expect.poll(() => noteItems(notebook).count()).toBe(3);
    expect(await notebook.getByLabel('标签').locator('option').allTextContents()).toEqual(expect.arrayContaining(['基层治理', '承诺']));
    await importer.setInputFiles(backupPath);
    await expect.poll(() => notebook.getByRole('status').textContent()).toContain('新增 0 条');
    await expect.poll(() => noteItems(notebook).count()).toBe(3);

    // A corrupted file: a clear error, the notes unchanged.
    const broken = join(tmpdir(), `yandu-${Date.now()}-broken.json`);
    await writeFile(broken, (await readFile(backupPath, 'utf8')).slice(0, 300));
    await importer.setInputFiles(broken);
    await expect.poll(() => notebook.getByRole('alert').textContent()).toMatch(/导入失败：备份文件/);
    await notebook.reload();
    await expect.poll(() => noteItems(notebook).count()).toBe(3);
    await notebook.close();
  });
});
