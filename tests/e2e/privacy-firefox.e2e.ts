/**
 * The privacy test of tests/e2e/privacy.e2e.ts in Firefox (Debian's firefox-esr,
 * driven by puppeteer-core over WebDriver BiDi, as tests/e2e/firefox.e2e.ts).
 * The Firefox e2e build (`wxt build -b firefox --mode e2e`: shadow roots open,
 * so the test can reach the toolbar; host access granted at install). The
 * reader selects text, opens 批注, types a note (key presses, Chinese characters
 * as key presses, text inserted as an input method commits it) and a tag, saves
 * with Ctrl+Enter, opens 我的批注 and hovers the mark: the snooping page has
 * collected none of the note's characters. BiDi has no IME composition events;
 * the Chromium test covers those.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { startSiteServer, type SiteServer } from '../support/browser';
import { FIREFOX_PATH, frontPage, installAddon, launchFirefox } from '../support/firefox';
import { selectWithMouse } from '../support/mouse';
import { NOTE_PARTS, noteCharacters, SNOOP_URL, snooped, type Snooped } from '../support/snoop';

/** The Firefox e2e build (`wxt build -b firefox --mode e2e`, run by `npm run test:e2e`). */
const EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');
const WAIT_MS = 30_000;

const present = existsSync(FIREFOX_PATH) && existsSync(EXTENSION_DIR);
if (!present) console.log(`privacy e2e (Firefox): ${FIREFOX_PATH} or ${EXTENSION_DIR} is missing — not run`);

function leaked(log: Snooped, characters: readonly string[]): string[] {
  const all = [...log.heard, ...log.seen].join('\n');
  return characters.filter((c) => all.includes(c));
}

/** The content frame of the note frame titled `title` (in our open shadow root). */
async function frameTitled(page: Page, title: string): Promise<Frame> {
  const handle = await page.locator(`>>> iframe[title="${title}"]`).setTimeout(WAIT_MS).waitHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame in ${title}`);
  return frame;
}

/** Polls `check` until it holds (or fails after WAIT_MS). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out: ${what}`);
}

describe.runIf(present)('a page that snoops on the reader, in Firefox', { timeout: 120_000 }, () => {
  let server: SiteServer;
  let firefox: Browser;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox(server.port);
    await installAddon(firefox, EXTENSION_DIR);
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('learns none of the characters of a note written, saved, listed and hovered on it', async () => {
    const page = await frontPage(firefox);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(SNOOP_URL, { waitUntil: 'load' });
    await page.waitForSelector('html[data-yd-state="done"]', { timeout: WAIT_MS });
    const characters = noteCharacters();
    await new Promise((done) => setTimeout(done, 200));
    expect(leaked(await snooped(page), characters)).toEqual([]);

    await selectWithMouse(page, NOTE_PARTS.quote);
    await page.locator('>>> button[title^="写批注"]').setTimeout(WAIT_MS).click();
    const frame = await frameTitled(page, '研读批注');
    await frame.locator('textarea').setTimeout(WAIT_MS).wait();
    // No click into the frame: the focus went there when the editor opened.
    await until(() => frame.evaluate(() => document.activeElement?.tagName === 'TEXTAREA' && document.hasFocus()), 'focus in the editor');
    await page.keyboard.type(NOTE_PARTS.typed);
    await page.keyboard.type(NOTE_PARTS.inserted);
    // Committed text, as an input method inserts it (BiDi has no IME): input events in the frame.
    await frame.evaluate((text) => document.execCommand('insertText', false, text), NOTE_PARTS.composed);
    const expected = NOTE_PARTS.typed + NOTE_PARTS.inserted + NOTE_PARTS.composed;
    expect(await frame.evaluate(() => document.querySelector('textarea')?.value)).toBe(expected);
    await frame.locator('input[aria-label="标签"]').fill(NOTE_PARTS.tag);
    await frame.locator('textarea').click();
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await until(async () => (await frame.$('textarea')) === null, 'the editor closed');
    await until(() => page.evaluate(() => document.querySelectorAll('yd-mark[data-annotation]').length > 0), 'the note marked');

    // Back on the page: the next key is the page's, and its listeners hear it.
    await until(() => page.evaluate(() => document.hasFocus() && document.activeElement === document.body), 'focus back on the page');
    await page.keyboard.press('q');
    await until(async () => (await snooped(page)).heard.some((h) => h.startsWith('keydown\u0001q')), 'the page heard its own key');

    // 我的批注 in its frame, then the note on hover.
    const expand = await page.$('>>> button[aria-label="展开研读提纲"]');
    await expand?.click();
    await page.locator('>>> button[role="tab"]::-p-text(我的批注)').setTimeout(WAIT_MS).click();
    const list = await frameTitled(page, '我的批注');
    await until(async () => (await list.evaluate(() => document.body.innerText)).includes(NOTE_PARTS.inserted), '我的批注 lists the note');
    await page.hover('yd-mark[data-annotation]');
    await until(async () => (await frame.evaluate(() => document.body.innerText)).includes(NOTE_PARTS.composed), 'the note on hover');
    await new Promise((done) => setTimeout(done, 300));

    const log = await snooped(page);
    expect(log.seen.some((text) => text.includes('复制引用'))).toBe(true);
    expect(log.frames.some((src) => src.startsWith('moz-extension://'))).toBe(true);
    expect(leaked(log, characters)).toEqual([]);
    await page.close();
  });
});
