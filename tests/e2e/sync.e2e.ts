/**
 * Sync end to end: a real WebDAV server (rclone) and two Chromium profiles
 * with the extension, driven through settings (同步: 服务器地址, 用户名,
 * 应用密码, 开启同步, 立即同步, 上次同步…), the page and the notebook. Notes made
 * on A appear on B; edits and deletes on both sides converge; the same note
 * edited on both while the server was down ends with both versions kept; a
 * wrong password, a stopped server and a cut file on the server give Chinese
 * messages (also in the popup) and lose nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitForReader, type ExtensionBrowser } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { editNoteOn, writeNoteOn } from '../support/notes';
import { DAV_PASSWORD, DAV_USER, startDavServer, type DavServer } from '../support/webdav-server';

const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const FIRST = '尤其要抓好党员承诺活动';
const SECOND = '组织创先进、党员争优秀、群众得实惠';

const env = useExtensionBrowser();
let second: ExtensionBrowser;
let server: DavServer;
beforeAll(async () => {
  server = await startDavServer();
  second = await launchWithExtension(env.server.port);
});
afterAll(async () => {
  await second?.close();
  await server?.close();
});

async function settings(browser: ExtensionBrowser): Promise<Page> {
  return browser.openExtensionPage('options.html');
}

function statusLine(options: Page) {
  return options.locator('.sync-status');
}

async function turnOn(options: Page, password = DAV_PASSWORD): Promise<void> {
  await options.getByRole('textbox', { name: '服务器地址' }).fill(server.url);
  await options.getByRole('textbox', { name: '用户名' }).fill(DAV_USER);
  await options.getByRole('textbox', { name: '应用密码' }).fill(password);
  await options.getByRole('button', { name: '开启同步' }).click();
}

/** Presses 立即同步 and waits until the status line reports a sync that ended after the press. */
async function syncNow(options: Page): Promise<string> {
  const before = await statusLine(options).textContent();
  await options.getByRole('button', { name: '立即同步' }).click();
  await expect.poll(async () => {
    const line = (await statusLine(options).textContent()) ?? '';
    return line !== before && /^上次同步：\d/.test(line) && !line.includes('正在');
  }, { timeout: 20_000 }).toBe(true);
  return (await statusLine(options).textContent()) ?? '';
}

async function notesIn(browser: ExtensionBrowser): Promise<string[]> {
  const notebook = await browser.openExtensionPage('notebook.html');
  await notebook.locator('.row, .empty').first().waitFor({ state: 'attached' }).catch(() => undefined);
  await notebook.waitForTimeout(300);
  const rows = await notebook.locator('.row').evaluateAll((els) =>
    els.map((el) => `${el.querySelector('.quote')?.textContent ?? ''}|${el.querySelector('.text')?.textContent ?? ''}`),
  );
  await notebook.close();
  return rows.sort();
}

async function onSeed(browser: ExtensionBrowser, act: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  await waitForReader(page);
  await act(page);
  await page.close();
}

describe('sync through a WebDAV server', () => {
  let optionsA: Page;
  let optionsB: Page;

  test('notes made on A appear on B; edits and deletes on both sides converge', async () => {
    optionsA = await settings(env.browser);
    optionsB = await settings(second);
    expect(await statusLine(optionsA).textContent()).toBe('上次同步：尚未同步');
    await onSeed(env.browser, (page) => writeNoteOn(page, FIRST, '甲的第一条'));
    await turnOn(optionsA);
    await expect.poll(() => statusLine(optionsA).textContent(), { timeout: 20_000 }).toMatch(/^上次同步：\d.* 成功（收到 0 条，发出 1 条）/);
    await turnOn(optionsB);
    await expect.poll(() => statusLine(optionsB).textContent(), { timeout: 20_000 }).toMatch(/^上次同步：\d.* 成功（收到 1 条/);
    expect(await notesIn(second)).toEqual([expect.stringContaining(FIRST)]);

    // B adds a note and edits A's; A deletes nothing yet: both sync, both see the same two.
    await onSeed(second, async (page) => {
      await writeNoteOn(page, SECOND, '乙的新笔记');
      await editNoteOn(page, FIRST, '乙改过甲的');
    });
    await syncNow(optionsB);
    await syncNow(optionsA);
    const both = await notesIn(env.browser);
    expect(both.join('\n')).toContain('乙改过甲的');
    expect(both.join('\n')).toContain('乙的新笔记');
    expect(await notesIn(second)).toEqual(both);

    // A deletes B's note in the notebook; after syncing, it is gone on B too.
    const notebook = await env.browser.openExtensionPage('notebook.html');
    await notebook.locator('.row').filter({ hasText: SECOND }).getByRole('checkbox').check();
    await notebook.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(() => notebook.locator('.row').count()).toBe(1);
    await notebook.close();
    await syncNow(optionsA);
    await syncNow(optionsB);
    expect(await notesIn(second)).toEqual(await notesIn(env.browser));
    expect((await notesIn(second)).join('\n')).not.toContain(SECOND);
  });

  test('the same note edited on both while the server was down keeps both versions, on both', async () => {
    await server.stop();
    try {
      await onSeed(env.browser, (page) => editNoteOn(page, FIRST, '甲离线时改的'));
      await onSeed(second, (page) => editNoteOn(page, FIRST, '乙离线时改的'));
      const down = await syncNow(optionsA);
      expect(down).toMatch(/失败。无法连接同步服务器/);
      const popup = await env.browser.openExtensionPage('popup.html');
      await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^上次同步：.*失败。无法连接同步服务器/);
      await popup.close();
    } finally {
      await server.start();
    }
    await syncNow(optionsA);
    expect(await syncNow(optionsB)).toMatch(/两个版本都已保留/);
    await syncNow(optionsA);
    const a = await notesIn(env.browser);
    expect(a.join('\n')).toContain('甲离线时改的');
    expect(a.join('\n')).toContain('乙离线时改的');
    expect(await notesIn(second)).toEqual(a);
  });

  test('a wrong password and a cut file on the server: clear messages, nothing lost', async () => {
    const before = await notesIn(second);
    await optionsB.getByRole('button', { name: '关闭同步' }).click();
    await turnOn(optionsB, 'wrong-password');
    await expect.poll(() => statusLine(optionsB).textContent(), { timeout: 20_000 }).toMatch(/失败。同步服务器拒绝登录：用户名或应用密码不正确/);
    expect(await notesIn(second)).toEqual(before);
    await optionsB.getByRole('button', { name: '关闭同步' }).click();
    await turnOn(optionsB);
    await expect.poll(() => statusLine(optionsB).textContent(), { timeout: 20_000 }).toMatch(/成功/);

    // A cut file put on the server where A's next change file goes: B refuses it and keeps its notes.
    const auth = { Authorization: `Basic ${Buffer.from(`${DAV_USER}:${DAV_PASSWORD}`).toString('base64')}` };
    const listing = await (await fetch(`${server.url}yandu-sync/`, { method: 'PROPFIND', headers: { ...auth, Depth: '1' } })).text();
    const devices = [...listing.matchAll(/yandu-sync\/([0-9a-f-]{36})\//g)].map((m) => m[1]!);
    const worker = second.context.serviceWorkers()[0]!;
    const own = await worker.evaluate(async () => ((await chrome.storage.local.get('syncCursor')).syncCursor as { device: string }).device);
    const device = devices.find((d) => d !== own)!;
    const seq = JSON.parse(await (await fetch(`${server.url}yandu-sync/${device}/head.json`, { headers: auth })).text()).seq as number;
    const next = String(seq + 1).padStart(8, '0');
    await fetch(`${server.url}yandu-sync/${device}/${next}.json`, { method: 'PUT', headers: auth, body: '{"format":"yandu-sync-changes","vers' });
    await fetch(`${server.url}yandu-sync/${device}/head.json`, { method: 'PUT', headers: auth, body: JSON.stringify({ format: 'yandu-sync-changes', device, seq: seq + 1 }) });
    const kept = await notesIn(second);
    const line = await syncNow(optionsB);
    expect(line).toMatch(/不完整或已损坏.*本机笔记未受影响/);
    expect(await notesIn(second)).toEqual(kept);
  });
});
