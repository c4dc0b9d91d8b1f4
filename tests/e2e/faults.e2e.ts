/**
 * Storage faults end to end, in Chromium with the built extension: the
 * background service worker is stopped (CDP ServiceWorker.stopAllWorkers)
 * while a note is being saved. The reader sees a Chinese message, the typed
 * text stays in the editor, a second 保存 stores it once, and every note
 * stored before is still there.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { noteFrame } from '../support/page-helpers';

const ARTICLE_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-notes.html';
const NOTE_TEXT = '重启中保存的批注：不能丢';
/** Stops of the worker in the middle of a save, one after another. */
const STOPS = 1;
/** The browser's start, the page and two stops take most of a minute on a slow machine. */
const TEST_TIMEOUT_MS = 90_000;

const env = useExtensionBrowser(new Map());

/** Every note id in the database, read in an extension page (same storage as the worker, alive whatever the worker does). */
function storedIds(keeper: Page): Promise<string[]> {
  return keeper.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onsuccess = (): void => {
          const request = open.result.transaction('annotations').objectStore('annotations').getAllKeys();
          request.onsuccess = (): void => {
            open.result.close();
            resolve(request.result.map(String));
          };
          request.onerror = (): void => reject(request.error);
        };
        open.onerror = (): void => reject(open.error);
      }),
  );
}

/** Holds a write transaction on the notes from an extension page, so a save waits behind it until `release`. */
async function holdNotesTable(keeper: Page): Promise<void> {
  await keeper.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const held = globalThis as { __ydRelease?: boolean };
        held.__ydRelease = false;
        const open = indexedDB.open('yandu');
        open.onsuccess = (): void => {
          const store = open.result.transaction('annotations', 'readwrite').objectStore('annotations');
          const spin = (): void => {
            if (!held.__ydRelease) store.count().onsuccess = spin;
            else open.result.close();
          };
          spin();
          resolve();
        };
      }),
  );
}

/** Lets the held transaction end. */
async function release(keeper: Page): Promise<void> {
  await keeper.evaluate(() => {
    (globalThis as { __ydRelease?: boolean }).__ydRelease = true;
  });
}

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await env.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('the service worker stopped while a note is being saved', () => {
  test(`${STOPS} times: a Chinese message, the text kept, saved once on retry, nothing lost`, async () => {
    const page = await env.browser.context.newPage();
    await page.goto(ARTICLE_URL);
    await waitForReader(page);
    const keeper = await env.browser.openExtensionPage('popup.html');
    // A note stored before the faults.
    await selectWithMouse(page, '尤其要抓好党员承诺活动');
    await page.getByRole('button', { name: '划线', exact: true }).click();
    await expect.poll(() => page.locator('yd-mark[data-annotation]').count()).toBeGreaterThan(0);
    const before = await storedIds(keeper);

    // The article's tab in front again (the keeper opened over it): a background tab draws no frames, so
    // clicks meant for the note frame (its own process) would be routed by where it stood before.
    await page.bringToFront();
    await selectWithMouse(page, '二是要丰富实践载体');
    await page.getByRole('button', { name: '批注' }).click();
    const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
    await editor.fill(NOTE_TEXT);
    for (let stop = 0; stop < STOPS; stop++) {
      await holdNotesTable(keeper);
      await noteFrame(page).getByRole('button', { name: '保存' }).click();
      await stopWorkers(page);
      const alert = noteFrame(page).getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('研读后台暂时没有响应');
      expect(await editor.inputValue()).toBe(NOTE_TEXT);
      await release(keeper);
    }
    await noteFrame(page).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => editor.count(), { timeout: 15_000 }).toBe(0);
    const after = await storedIds(keeper);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length + 1);
    await keeper.close();
    await page.close();
  }, TEST_TIMEOUT_MS);
});
