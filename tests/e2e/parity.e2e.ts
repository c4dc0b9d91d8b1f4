/**
 * One answer for the same bytes (issue 12): every page of ../shared/corpus and
 * ../shared/pages goes through the CLI's path in Node (scripts/analyze.ts:
 * extraction over a parsed DOM, then analysis) and through the built extension
 * in Chromium, served under an official site's name; the verdict
 * (data-yd-policy) and the items (the <yd-mark> elements' data-kind and text,
 * grouped by data-item) must be the same.
 *
 * One browser, pages in sequence. Without ../shared the test is skipped and
 * says so; with YD_REQUIRE_CORPUS=1 (CI) a missing ../shared fails instead.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { waitForReader, type RoutedFile } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { CORPUS_REQUIRED, SHARED_DIR, browserAnswer, cliAnswer, comparableAnswer, parityPages, servePage } from '../support/parity';

const sharedPresent = existsSync(SHARED_DIR);
if (!sharedPresent) console.log(`parity e2e: ${SHARED_DIR} does not exist — the CLI↔browser parity test did not run`);

test.runIf(CORPUS_REQUIRED)('../shared is there (YD_REQUIRE_CORPUS=1)', () => {
  expect(existsSync(SHARED_DIR), `${SHARED_DIR} is missing`).toBe(true);
});

const PAGES = sharedPresent ? parityPages() : [];

/** Every page's served form, written once into a temporary folder and routed by address. */
const servedDir = mkdtempSync(join(tmpdir(), 'yandu-parity-'));
const SERVED = PAGES.map((page, i) => servePage(page, servedDir, i));
const routes = new Map<string, RoutedFile>(
  SERVED.map((served) => {
    const url = new URL(served.page.url);
    return [`${url.host}${url.pathname}`, served] as const;
  }),
);
afterAll(() => rmSync(servedDir, { recursive: true, force: true }));

describe.runIf(sharedPresent)('the CLI and the browser give the same answer for the same page', () => {
  const env = useExtensionBrowser(routes);

  test.each(SERVED.map((served) => [served.page.name, served] as const))('%s', async (_name, served) => {
    const cli = cliAnswer(served.file, served.page.url);
    const page = await env.browser.context.newPage();
    await page.goto(served.page.url);
    await waitForReader(page);
    const browser = await browserAnswer(page);
    await page.close();
    expect(comparableAnswer(browser)).toEqual(comparableAnswer(cli));
  });
});
