/**
 * The welcome page (issue 15): installing the unpacked release build opens 欢迎使用研读 once — three
 * steps with pictures, each permission of the manifest with its reason, where the data is kept, and
 * the ways on to settings and to the guide.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, RELEASE_EXTENSION_DIR, startSiteServer, type ExtensionBrowser, type SiteServer } from '../support/browser';

let server: SiteServer;
let chromium: ExtensionBrowser;

beforeAll(async () => {
  server = await startSiteServer();
  chromium = await launchWithExtension(server.port, { extensionDir: RELEASE_EXTENSION_DIR });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** The open tabs showing one of our pages. */
function ourPages(path: string): Page[] {
  return chromium.context.pages().filter((page) => page.url() === `chrome-extension://${chromium.extensionId}/${path}`);
}

test('opens once on install with its three steps, permissions, data and links', async () => {
  await expect.poll(() => ourPages('welcome.html').length, { timeout: 20_000 }).toBe(1);
  const welcome = ourPages('welcome.html')[0]!;
  await welcome.waitForLoadState();
  expect(await welcome.title()).toBe('欢迎使用研读');
  await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('欢迎使用研读');
  expect(await welcome.locator('.steps > li').count()).toBe(3);
  expect(await welcome.locator('.steps > li svg[role="img"]').count()).toBe(3);
  const permissions = await welcome.getByRole('region', { name: '研读需要的权限和原因' }).textContent();
  for (const permission of ['storage', 'activeTab', 'scripting', 'people.com.cn', 'gov.cn']) expect(permissions).toContain(permission);
  expect(await welcome.getByRole('region', { name: '您的数据保存在哪里' }).textContent()).toContain('不会上传');

  // The guide opens in a tab of its own, with the install steps for the domestic browsers.
  const [guide] = await Promise.all([chromium.context.waitForEvent('page'), welcome.getByRole('button', { name: '使用说明' }).click()]);
  await guide.waitForLoadState();
  const guideText = await guide.locator('body').textContent();
  for (const name of ['Edge', '360安全浏览器', '360极速浏览器', 'QQ浏览器', '搜狗浏览器', '奇安信可信浏览器']) expect(guideText).toContain(`### ${name}`);
  const [settings] = await Promise.all([chromium.context.waitForEvent('page'), welcome.getByRole('button', { name: '打开设置' }).click()]);
  await settings.waitForLoadState();
  expect(settings.url()).toBe(`chrome-extension://${chromium.extensionId}/options.html`);

  // Not on update: lib/welcome.ts is unit-tested for every other reason (tests/unit/welcome.test.ts).
});
