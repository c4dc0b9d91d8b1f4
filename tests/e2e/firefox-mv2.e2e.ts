/**
 * The MV2 code path end to end (issue 15). No Chromium older than 88 runs here, so the legacy build's
 * shape — a background page instead of a service worker, browser_action, tabs.executeScript, code
 * lowered to ES2017 with the legacy polyfills — runs in the one MV2 engine at hand: the Firefox MV2
 * build from the same sources (`wxt build -b firefox --mv2`) in Firefox ESR. It marks the seed
 * article by itself (MV2 grants host access at install), saves a highlight made with the mouse
 * through the background page's database, and finds it again after a reload.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startSiteServer, type SiteServer } from '../support/browser';
import { ADDON_ID, FIREFOX_WAIT_MS, firefoxPresent, frontPage, installAddon, launchFirefox } from '../support/firefox';
import { selectWithMouse } from '../support/mouse';
import { toolbarPlace } from '@/lib/reader/notes-model';

const FIREFOX_MV2_DIR = resolve('.output/firefox-mv2');
const SEED_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
const QUOTE = '创先争优活动只有与经济社会发展紧密结合';

describe.runIf(firefoxPresent)('Firefox MV2 build (the legacy code path)', { timeout: 120_000 }, () => {
  let server: SiteServer;
  let firefox: Browser;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox(server.port);
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('loads, marks the seed article by itself, saves a highlight and re-attaches it after a reload', async () => {
    expect(await installAddon(firefox, FIREFOX_MV2_DIR)).toBe(ADDON_ID);
    const page = await frontPage(firefox);
    await page.goto(SEED_URL, { waitUntil: 'load' });
    await page.waitForSelector('html[data-yd-state="done"]', { timeout: FIREFOX_WAIT_MS });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-yd-policy'))).toBe('true');
    const directives = await page.evaluate(() => document.querySelectorAll('yd-mark[data-kind="directive"]').length);
    expect(directives).toBeGreaterThan(3);

    await selectWithMouse(page, QUOTE);
    // The selection toolbar's 划线, clicked with the mouse where it shows. Our shadow root is closed in
    // release builds, so the place comes from the model (toolbarPlace over the selection; 划线 is its
    // first button), and the page sees our host there once the toolbar is drawn.
    const rect = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const place = toolbarPlace(rect);
    const [x, y] = [place.x + 24, place.y + 18];
    await page.waitForFunction(([px, py]) => document.elementFromPoint(px!, py!)?.tagName === 'YANDU-TOOLBAR', { timeout: FIREFOX_WAIT_MS }, [x, y]);
    await page.mouse.click(x, y);
    const ownText = (): Promise<string> =>
      page.evaluate(() => [...document.querySelectorAll('yd-mark[data-annotation]')].map((m) => m.textContent ?? '').join(''));
    await page.waitForFunction((quote) => [...document.querySelectorAll('yd-mark[data-annotation]')].map((m) => m.textContent).join('') === quote, { timeout: FIREFOX_WAIT_MS }, QUOTE);
    const id = await page.evaluate(() => document.querySelector('yd-mark[data-annotation]')?.getAttribute('data-annotation'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // Saved in the background page's database: after a reload the reader asks for it and puts it back.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('html[data-yd-state="done"]', { timeout: FIREFOX_WAIT_MS });
    await page.waitForSelector('yd-mark[data-annotation]', { timeout: FIREFOX_WAIT_MS });
    expect(await ownText()).toBe(QUOTE);
    expect(await page.evaluate(() => document.querySelector('yd-mark[data-annotation]')?.getAttribute('data-annotation'))).toBe(id);
  });
});
