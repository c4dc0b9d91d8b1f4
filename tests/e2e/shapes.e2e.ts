/**
 * Every page shape a CMS serves (issue 12), read in Chromium under an official
 * host name and by the CLI in Node from the same file: the same verdict and the
 * same items (kind and text) on both paths, and the structure found.
 * Shapes (our own pages, tests/fixtures/site/www.gov.cn/shapes/):
 * - a bare content fragment (no <html>, <head>, <body>, <title>, no charset
 *   anywhere) in UTF-8, which the browser reads as GBK: the reader puts its
 *   text right; and one in GBK, which the browser reads right;
 * - paragraphs split by <br> instead of <p>;
 * - an old table layout (navigation, banner and article in table cells);
 * - a page without a <title>;
 * - a frameset and an iframe of the same site holding the article (an iframe
 *   of another site is not read).
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { FIXTURE_SITE_DIR, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { markedItems } from '../support/page-helpers';
import { browserAnswer, cliAnswer, comparableAnswer, readFrames } from '../support/parity';

const env = useExtensionBrowser();

/** A shape: its page, and the directives' openings the reader must mark (in order). */
interface Shape {
  name: string;
  path: string;
  directives: string[];
}

const SHAPES: Shape[] = [
  { name: 'a UTF-8 fragment without any charset', path: 'shapes/fragment.html', directives: ['一是健全组织体系', '二是规范组织生活', '三是强化教育管理', '四是压实工作责任'] },
  { name: 'a GBK fragment without any charset', path: 'shapes/fragment-gbk.html', directives: ['一、压紧压实防汛', '二、全面排查风险', '三、做好应急准备', '四、加强值班值守'] },
  { name: 'paragraphs split by <br>', path: 'shapes/br.html', directives: ['第一，要提高政治', '第二，要紧盯关键', '第三，要锻造过硬'] },
  { name: 'a table layout', path: 'shapes/table.html', directives: ['其一，要坚持党建', '其二，要坚持人民', '其三，要坚持改革'] },
  { name: 'a page without a title', path: 'shapes/untitled.html', directives: ['（一）摸清群众需', '（二）建立工作台', '（三）推动问题解', '（四）接受群众评'] },
  { name: 'a frameset', path: 'shapes/frameset.html', directives: ['首先，要全面排查', '其次，要落实整改', '最后，要强化应急'] },
  { name: 'an iframe of the same site', path: 'shapes/iframe.html', directives: ['一要深化营商环境', '二要深化农村改革', '三要深化社会领域'] },
];

const HOST = 'www.gov.cn';

/** The directives marked in the page and its frames, by their first eight characters, in page order. */
async function markedDirectives(page: Page): Promise<string[]> {
  const openings: string[] = [];
  for (const frame of readFrames(page)) {
    for (const item of await markedItems(frame)) if (item.kind === 'directive') openings.push(item.text.slice(0, 8));
  }
  return openings;
}

/** The frame of `page` whose address ends with `path`. */
function frameAt(page: Page, path: string): Frame {
  const frame = page.frames().find((f) => f.url().endsWith(path));
  if (!frame) throw new Error(`no frame shows ${path}`);
  return frame;
}

describe('page shapes: the browser and the CLI give the same answer', () => {
  test.each(SHAPES)('$name', async (shape) => {
    const url = `http://${HOST}/${shape.path}`;
    const page = await env.browser.context.newPage();
    const crashes: string[] = [];
    page.on('console', (message) => {
      if (/crashed|出错/.test(message.text())) crashes.push(message.text());
    });
    await page.goto(url);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('true');
    expect(await markedDirectives(page)).toEqual(shape.directives);
    const cli = cliAnswer(resolve(FIXTURE_SITE_DIR, HOST, shape.path), url);
    expect(comparableAnswer(await browserAnswer(page))).toEqual(comparableAnswer(cli));
    expect(crashes).toEqual([]);
    await page.close();
  });
});

describe('what each shape needs', () => {
  test('the UTF-8 fragment, read as GBK by the browser, shows its own text again', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/fragment.html`);
    await waitForReader(page);
    // The server says no charset and the page has none: Chromium read the bytes as GBK.
    expect(await page.evaluate(() => document.characterSet)).toBe('GBK');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('为深入贯彻落实党的二十大精神');
    expect(text).not.toContain('\uFFFD');
    await page.close();
  });

  test('the GBK fragment is left as the browser read it', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/fragment-gbk.html`);
    await waitForReader(page);
    expect(await page.evaluate(() => document.body.innerText)).toContain('为扎实做好今年防汛抗旱工作');
    await page.close();
  });

  test('the table layout: nothing in the navigation or the banner cells is marked', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/table.html`);
    await waitForReader(page);
    const outside = await page.evaluate(
      () => [...document.querySelectorAll('yd-mark[data-kind]')].filter((mark) => !mark.closest('td.wenzhang')).length,
    );
    expect(outside).toBe(0);
    await page.close();
  });

  test('the frameset: the article is marked in its frame, and the outline panel shows there', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/frameset.html`);
    await waitForReader(page);
    const body = frameAt(page, 'frame-body.html');
    expect(await body.evaluate(() => document.documentElement.getAttribute('data-yd-policy'))).toBe('true');
    expect((await markedItems(body)).length).toBeGreaterThan(0);
    expect(await body.locator('yandu-panel').count()).toBe(1);
    // The navigation frame has no article: nothing there.
    const top = frameAt(page, 'frame-top.html');
    expect(await markedItems(top)).toEqual([]);
    await page.close();
  });

  test('an iframe of another site (even an official one) is not read, and the page around it has no article', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/iframe-foreign.html`);
    await waitForReader(page);
    expect(await page.getAttribute('html', 'data-yd-policy')).toBe('false');
    const embedded = page.frames().find((f) => f.url().includes('www.people.com.cn'))!;
    // Its page loaded, and time for a reader there to have finished (one would take a few ms).
    await embedded.waitForLoadState('load');
    await page.waitForTimeout(1_000);
    expect(await embedded.evaluate(() => document.documentElement.getAttribute('data-yd-state'))).toBeNull();
    expect(await markedItems(embedded)).toEqual([]);
    await page.close();
  });

  test('the iframe: marks inside the frame, none around it', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://${HOST}/shapes/iframe.html`);
    await waitForReader(page);
    expect(await markedItems(page)).toEqual([]);
    expect((await markedItems(frameAt(page, 'iframe-body.html'))).length).toBeGreaterThan(0);
    await page.close();
  });
});
