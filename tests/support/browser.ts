/**
 * A real Chromium with the built extension loaded, and a local web server whose
 * pages Chromium reaches under official sites' host names (STACK.md). Used by
 * the end-to-end tests and by `npm run demo`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The shipped Chromium build (`wxt build`), used by the demo. */
export const RELEASE_EXTENSION_DIR = resolve('.output/chrome-mv3');
/**
 * The end-to-end build (`wxt build --mode e2e`): the same extension plus host
 * access to every page, standing in for the activeTab grant that the reader's
 * click on the toolbar button gives and that headless Chromium cannot give.
 */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
/** Pages served by host name: tests/fixtures/site/<host>/<path>. */
export const FIXTURE_SITE_DIR = resolve('tests/fixtures/site');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** A static server on 127.0.0.1 that picks the folder by the request's Host. */
export interface SiteServer {
  /** The port it listens on. */
  port: number;
  /** Stops it. */
  close: () => Promise<void>;
}

/** A routed page: its file, and the Content-Type header to send (e.g. with a charset, as a real server does). */
export interface RoutedFile {
  /** The file served. */
  file: string;
  /** The Content-Type header. */
  contentType: string;
  /** More response headers (e.g. a Content-Security-Policy that keeps the page's own scripts from running). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Serves tests/fixtures/site/<host>/<path>, and `routes`: extra pages by
 * "host/path" → file (e.g. corpus pages read in place), or file and Content-Type.
 */
export async function startSiteServer(
  routes: ReadonlyMap<string, string | RoutedFile> = new Map(),
  root: string = FIXTURE_SITE_DIR,
): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const route = routes.get(`${host}${path}`);
    const routed = typeof route === 'object' ? route.file : route;
    const file = routed ?? normalize(join(root, host, path.endsWith('/') ? `${path}index.html` : path));
    if (!routed && !file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        // No charset for HTML: the page's own <meta charset> decides, as on the real sites.
        const type = typeof route === 'object' ? route.contentType : CONTENT_TYPES[extname(file)];
        const extra = typeof route === 'object' ? route.headers : undefined;
        response.writeHead(200, { ...extra, 'content-type': type ?? 'application/octet-stream' });
        response.end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((done) => server.close(() => done())) };
}

/** Chromium with the extension, and the extension's id. */
export interface ExtensionBrowser {
  /** The persistent browser context. */
  context: BrowserContext;
  /** The extension's id (host of its chrome-extension:// URLs). */
  extensionId: string;
  /** Opens an extension page such as `popup.html`. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/** How to launch. */
export interface LaunchOptions {
  /** Run without a window (default true). */
  headless?: boolean;
  /** The unpacked extension to load (default: the e2e build). */
  extensionDir?: string;
}

/** Chromium's switches for a test browser with `extensionDir` loaded, every host name reaching the server on `port`. */
function extensionArgs(port: number, extensionDir: string): string[] {
  // Every host name reaches the local server: pages open under their real sites' names,
  // and nothing a page links to leaves the machine.
  // 127.0.0.1 itself is left alone: local test servers of their own (the WebDAV server of the sync tests) listen there.
  const rules = `MAP * 127.0.0.1:${port}, EXCLUDE 127.0.0.1`;
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${rules}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/** The ExtensionBrowser of a launched `context`, once the extension's service worker runs. */
async function withExtension(context: BrowserContext, close: () => Promise<void>): Promise<ExtensionBrowser> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close,
  };
}

export async function launchWithExtension(port: number, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'yandu-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: extensionArgs(port, options.extensionDir ?? E2E_EXTENSION_DIR),
  });
  return withExtension(context, async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
}

/**
 * Like launchWithExtension, but tabs are hidden and shown as in a reader's browser: a tab behind another one in
 * its window has `document.visibilityState` 'hidden'. Playwright's own launch turns on focus emulation for every
 * page (CDP Emulation.setFocusEmulationEnabled), which keeps each page visible even behind another tab; here
 * Chromium is started on its own and Playwright attaches over CDP with `noDefaults`, which leaves that off.
 * Pages opened with `context.newPage()` open as tabs of one window, the newest in front; `page.bringToFront()`
 * shows a tab again.
 */
export async function launchWithRealVisibility(port: number, extensionDir: string = E2E_EXTENSION_DIR): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'yandu-profile-'));
  const args = ['--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1280,900', '--lang=zh-CN', ...extensionArgs(port, extensionDir), 'about:blank'];
  const chrome = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => chrome.once('exit', resolve));
  let said = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    chrome.stderr!.on('data', (chunk: Buffer) => {
      if (said.length < 100_000) said += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (found) resolve(found[1]!);
    });
    void exited.then((code) => reject(new Error(`Chromium exited (${code}) before it listened: ${said.slice(-2_000)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true, isLocal: true });
  return withExtension(browser.contexts()[0]!, async () => {
    await browser.close().catch(() => undefined);
    chrome.kill();
    await exited;
    // The browser process has gone, but its helpers (renderers, the storage service) may still be writing their
    // last files into the profile for a moment: rm retries then (ENOTEMPTY was seen under load).
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });
}

/** Waits until the reader script has finished with the page (the page contract). */
export async function waitForReader(page: Page): Promise<void> {
  await page.waitForSelector('html[data-yd-state="done"]', { state: 'attached', timeout: 20_000 });
}

/** Opens `url` in a new tab and waits until the reader script is done with it. */
export async function openReaderPage(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForReader(page);
  return page;
}

/** The id of the browser tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const worker = browser.context.serviceWorkers()[0]!;
  const url = page.url();
  const id = await worker.evaluate(async (target: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}
