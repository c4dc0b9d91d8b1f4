/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (STACK.md), with every http host
 * sent to the local site server (tests/support/browser.ts) under its real name, and a pinned
 * moz-extension host for our add-on. Used by the Firefox e2e tests (MV3 and MV2 builds).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR; never a downloaded browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Whether it is installed (scripts/setup.sh installs it). */
export const firefoxPresent = existsSync(FIREFOX_PATH);
/** The add-on id (wxt.config.ts) and the moz-extension host we pin it to, so its pages are recognisable. */
export const ADDON_ID = 'yandu@yandu.local';
export const EXTENSION_UUID = '5a1f0c3e-6d2b-4c8a-9e7f-0b1d2c3e4f50';
/** Bound for each wait (generous: CI machines run other suites beside it; a real hang still fails). */
export const FIREFOX_WAIT_MS = 30_000;
/** How often to look for a tab the extension opened. */
const POLL_MS = 100;
/** How long one tab may take to say where it is. */
const ASK_MS = 2_000;

/** Firefox with the proxy to the site server on `port`, the add-on's uuid pinned, and `prefs` on top. */
export function launchFirefox(port: number, prefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Every http host goes to the local server, Host header intact.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      ...prefs,
    },
  });
}

/**
 * Installs the add-on at `dir` (returning its id) once its first install has opened the welcome page
 * (the background's onInstalled). That tab opens in its own time, and a tab opened before it ends up
 * behind it: hidden, where Firefox runs no animation frames and never hit-tests our toolbar, so
 * puppeteer's clicks (a stable-box check over animation frames) and `raf` polling wait in vain. Under
 * load the welcome tab came after the test's own tab; waiting for it first fixes the order.
 */
export async function installAddon(firefox: Browser, dir: string): Promise<string> {
  const welcome = extensionPage(firefox, 'welcome.html');
  const id = await firefox.installExtension(dir);
  await welcome;
  return id;
}

/** A new tab, in front (the reader's tab is the one they look at). */
export async function frontPage(firefox: Browser): Promise<Page> {
  const page = await firefox.newPage();
  await page.bringToFront();
  return page;
}

/**
 * The extension page that the extension itself opened (BiDi does not navigate to moz-extension://).
 * Firefox's BiDi reports such a tab as about:blank, so each page is asked where it is.
 */
export async function extensionPage(firefox: Browser, path: string): Promise<Page> {
  const wanted = `moz-extension://${EXTENSION_UUID}/${path}`;
  const deadline = Date.now() + FIREFOX_WAIT_MS;
  while (Date.now() < deadline) {
    for (const page of await firefox.pages()) {
      // Bounded: a tab that is loading or closing may not answer, and must not hold up the others.
      const asked = page.evaluate(() => location.href).catch(() => '');
      const href = await Promise.race([asked, new Promise<string>((done) => setTimeout(() => done(''), ASK_MS))]);
      if (href.startsWith(wanted)) return page;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  throw new Error(`the extension did not open ${path}`);
}
