/**
 * Firefox smoke test (issue 8): the shipped `wxt build -b firefox` build in
 * Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (STACK.md).
 *
 * Firefox MV3 treats host_permissions as optional: a profile or a reader may
 * leave them ungranted (here: `extensions.originControls.grantByDefault` off),
 * and then the reader script does not run by itself. The test checks what
 * 研读 does about it: the background opens settings on install, settings ask
 * for the official sites, and the reader then runs. Headless Firefox cannot
 * click a permission prompt; `extensions.webextOptionalPermissionPrompts`
 * off makes Firefox grant `permissions.request` without one — it stands in
 * for the reader's click on 允许, the request itself is real.
 * Pages reach the local site server through a proxy pref, under real host names.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { startSiteServer, type SiteServer } from '../support/browser';
import { ADDON_ID, extensionPage as openedExtensionPage, FIREFOX_PATH, FIREFOX_WAIT_MS as WAIT_MS, firefoxPresent, installAddon, launchFirefox } from '../support/firefox';

/** The shipped Firefox build (`wxt build -b firefox`, run by `npm run test:e2e`). */
const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const ARTICLE_URL = 'http://www.people.com.cn/n1/2024/0101/c64387-site-rule.html';

if (!firefoxPresent) console.log(`firefox e2e: ${FIREFOX_PATH} is missing (scripts/setup.sh installs firefox-esr) — not run`);

describe.runIf(firefoxPresent)('Firefox (firefox-esr, shipped build)', { timeout: 120_000 }, () => {
  let server: SiteServer;
  let firefox: Browser;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox(server.port, {
      'extensions.originControls.grantByDefault': false,
      'extensions.webextOptionalPermissionPrompts': false,
    });
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const extensionPage = (path: string): Promise<Page> => openedExtensionPage(firefox, path);

  /** The extension's own `browser` namespace, inside one of its pages. */
  type ExtensionGlobal = { browser: typeof chrome };

  async function readerState(page: Page): Promise<string | null> {
    return page.evaluate(() => document.documentElement.getAttribute('data-yd-state'));
  }

  test('without host access settings open and ask for it; then the reader marks the page; popup and notebook load', async () => {
    // Installing opens settings (host access not granted) — the background's onInstalled.
    // (Also the welcome page: installAddon waits for it, so it cannot open over the tabs used below.)
    const settingsOpened = extensionPage('options.html');
    expect(await installAddon(firefox, FIREFOX_EXTENSION_DIR)).toBe(ADDON_ID);
    const options = await settingsOpened;
    await options.bringToFront();
    await options.waitForFunction(() => document.body.innerText.includes('浏览器尚未允许研读访问'), { timeout: WAIT_MS });

    // Not granted: the reader script (document_start) has not touched the page by its load event.
    const article = await firefox.newPage();
    await article.goto(ARTICLE_URL, { waitUntil: 'load' });
    expect(await readerState(article)).toBeNull();

    await options.bringToFront();
    await options.locator('button::-p-text(允许访问官方网站)').setTimeout(WAIT_MS).click();
    await options.waitForFunction(() => !document.body.innerText.includes('浏览器尚未允许研读访问'), { timeout: WAIT_MS });
    // The background answers the settings page (persistence status), and the database is reachable there.
    await options.waitForFunction(() => /持久存储：(已开启|未开启)/.test(document.body.innerText), { timeout: WAIT_MS });

    await article.reload({ waitUntil: 'load' });
    await article.waitForSelector('html[data-yd-state="done"]', { timeout: WAIT_MS });
    expect(await article.evaluate(() => document.documentElement.getAttribute('data-yd-policy'))).toBe('true');
    const directives = await article.evaluate(() =>
      [...document.querySelectorAll('yd-mark[data-kind="directive"]')].map((m) => m.textContent ?? '').join('|'),
    );
    expect(directives).toContain('一是要加强政治建设');
    expect(directives).toContain('三是要加强作风建设');
    expect(await article.evaluate(() => document.querySelectorAll('yandu-panel').length)).toBe(1);

    // Popup and notebook, opened by the extension (tabs.create from its settings page).
    const tabId = await options.evaluate(async (url) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({ url }))[0]?.id ?? null, ARTICLE_URL);
    expect(tabId).not.toBeNull();
    const popupOpened = extensionPage('popup.html');
    await options.evaluate((id) => void (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url: `/popup.html?tab=${id}` }), tabId);
    const popup = await popupOpened;
    await popup.locator('button::-p-text(分析本页)').setTimeout(WAIT_MS).wait();
    const notebookOpened = extensionPage('notebook.html');
    await options.evaluate(() => void (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url: '/notebook.html' }));
    const notebook = await notebookOpened;
    await notebook.locator('[role="searchbox"], input[type="search"]').setTimeout(WAIT_MS).wait();
  });
});
