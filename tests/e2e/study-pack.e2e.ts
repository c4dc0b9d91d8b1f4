/**
 * 学习包 end to end, between two readers (two Chromium profiles with the
 * extension): member A sets 姓名 and 支部, writes a note and exports a 学习包
 * from the notebook; member B imports it: A's note shows under A's name, the
 * member filter narrows to it, the Word 学习笔记 holds both members' parts
 * (parsed back), re-importing adds nothing, and a cut file is refused with a
 * Chinese message, nothing changed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchWithExtension, waitForReader, type ExtensionBrowser } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { writeNoteOn } from '../support/notes';
import { openDocx } from '../unit/export/docx-reader';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const A_QUOTE = '尤其要抓好党员承诺活动';
const A_NOTE = '甲：承诺要公开、可检查';
const B_QUOTE = '组织创先进、党员争优秀、群众得实惠';
const B_NOTE = '乙：对照总要求找差距';

const env = useExtensionBrowser();
let second: ExtensionBrowser;
beforeAll(async () => {
  second = await launchWithExtension(env.server.port);
});
afterAll(async () => {
  await second?.close();
});

async function setMember(browser: ExtensionBrowser, name: string, branch: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: '姓名' }).fill(name);
  await options.getByRole('textbox', { name: '姓名' }).press('Tab');
  await options.getByRole('textbox', { name: '支部' }).fill(branch);
  await options.getByRole('textbox', { name: '支部' }).press('Tab');
  await expect.poll(() => options.locator('.member-message').textContent()).toBe('已保存。');
  await options.close();
  // 已保存。 may still be the name's message while the 支部 is being saved: wait until a fresh page shows both.
  await expect
    .poll(async () => {
      const check = await browser.openExtensionPage('options.html');
      const shown = [await check.getByRole('textbox', { name: '姓名' }).inputValue(), await check.getByRole('textbox', { name: '支部' }).inputValue()];
      await check.close();
      return shown;
    })
    .toEqual([name, branch]);
}

async function noteOnSeed(browser: ExtensionBrowser, quote: string, text: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  await waitForReader(page);
  await writeNoteOn(page, quote, text);
  await page.close();
}

async function saved(download: Download, name: string): Promise<string> {
  const path = join(tmpdir(), `yandu-${Date.now()}-${name}`);
  await download.saveAs(path);
  return path;
}

function quotesShown(notebook: Page): Promise<string[]> {
  return notebook.locator('.row .quote').allTextContents();
}

describe('学习包', () => {
  test("A's notes reach B under A's name, and the Word 学习笔记 holds both members' parts", async () => {
    await setMember(env.browser, '李华', '机关第一党支部');
    await noteOnSeed(env.browser, A_QUOTE, A_NOTE);
    const notebookA = await env.browser.openExtensionPage('notebook.html');
    await expect.poll(() => quotesShown(notebookA)).toEqual([A_QUOTE]);
    const [packDownload] = await Promise.all([notebookA.waitForEvent('download'), notebookA.getByRole('button', { name: '学习包', exact: true }).click()]);
    expect(packDownload.suggestedFilename()).toMatch(/^学习包-李华-\d{4}-\d{2}-\d{2}\.json$/);
    const packPath = await saved(packDownload, 'pack.json');
    expect(await readFile(packPath, 'utf8')).not.toContain('"terms"');

    await setMember(second, '王强', '机关第一党支部');
    await noteOnSeed(second, B_QUOTE, B_NOTE);
    const notebookB = await second.openExtensionPage('notebook.html');
    await expect.poll(() => quotesShown(notebookB)).toEqual([B_QUOTE]);
    const importer = notebookB.getByLabel('导入学习包');
    await importer.setInputFiles(packPath);
    await expect.poll(() => notebookB.getByRole('status').textContent()).toBe('已导入李华（机关第一党支部）的学习包：新增 1 条，更新 0 条，未改动 0 条。');
    await expect.poll(async () => (await quotesShown(notebookB)).sort()).toEqual([A_QUOTE, B_QUOTE].sort());
    const aRow = notebookB.locator('.row').filter({ hasText: A_QUOTE });
    expect(await aRow.textContent()).toContain('作者：李华');
    expect(await notebookB.locator('.row').filter({ hasText: B_QUOTE }).textContent()).not.toContain('作者');

    // The member filter: A only, then B's own only.
    const members = notebookB.getByLabel('成员');
    await members.selectOption({ label: '李华（机关第一党支部）' });
    await expect.poll(() => quotesShown(notebookB)).toEqual([A_QUOTE]);
    await members.selectOption({ label: '我自己' });
    await expect.poll(() => quotesShown(notebookB)).toEqual([B_QUOTE]);
    await members.selectOption({ label: '全部成员' });
    await expect.poll(() => quotesShown(notebookB)).toHaveLength(2);

    // The combined Word file: each member's 重点摘录 and 心得体会 under their name.
    const [docx] = await Promise.all([notebookB.waitForEvent('download'), notebookB.getByRole('button', { name: 'Word' }).click()]);
    const texts = openDocx(new Uint8Array(await readFile(await saved(docx, 'both.docx')))).paragraphs.map((p) => p.text);
    const excerpts = texts.findIndex((t) => t.includes('重点摘录'));
    const reflections = texts.findIndex((t) => t.includes('心得体会'));
    const own = texts.indexOf('（一）王强（机关第一党支部）', excerpts);
    const other = texts.indexOf('（二）李华（机关第一党支部）', excerpts);
    expect(own).toBeGreaterThan(excerpts);
    expect(other).toBeGreaterThan(own);
    expect(other).toBeLessThan(reflections);
    const inExcerpts = texts.slice(other, reflections).join('\n');
    expect(inExcerpts).toContain(A_QUOTE);
    expect(texts.slice(own, other).join('\n')).toContain(B_QUOTE);
    const reflectionsText = texts.slice(reflections).join('\n');
    expect(reflectionsText.indexOf(A_NOTE)).toBeGreaterThan(reflectionsText.indexOf('李华（机关第一党支部）'));
    expect(reflectionsText.indexOf(B_NOTE)).toBeGreaterThan(reflectionsText.indexOf('王强（机关第一党支部）'));

    // The same pack again: nothing added. A cut one: refused, nothing changed.
    await importer.setInputFiles(packPath);
    await expect.poll(() => notebookB.getByRole('status').textContent()).toContain('新增 0 条，更新 0 条，未改动 1 条');
    const cut = join(tmpdir(), `yandu-${Date.now()}-cut.json`);
    await writeFile(cut, (await readFile(packPath, 'utf8')).slice(0, 200));
    await importer.setInputFiles(cut);
    await expect.poll(() => notebookB.getByRole('alert').textContent()).toMatch(/导入学习包失败：学习包文件不完整.*现有数据未作任何更改/);
    await notebookB.reload();
    await expect.poll(async () => (await quotesShown(notebookB)).sort()).toEqual([A_QUOTE, B_QUOTE].sort());
  });
});
