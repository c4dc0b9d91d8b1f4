/**
 * `npm run demo`: Chromium with the built extension on the bundled sample
 * article (the seed article, served as a people.com.cn page). Without a display
 * it runs headless, makes one highlight, and writes screenshots of the marked
 * page and of the popup to demo-output/, and pictures of the first two pages of
 * the Word 学习笔记 (the fixture collection, opened in LibreOffice). With a display
 * it leaves the browser open for the reader to try, until Ctrl+C.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocx } from '../lib/export/docx';
import { toolbarPlace } from '../lib/reader/notes-model';
import { launchWithExtension, RELEASE_EXTENSION_DIR, startSiteServer, tabIdOf, waitForReader } from '../tests/support/browser';
import { docxToPdf, pdfPagesToPng } from '../tests/support/office';
import { officeFixtureRecord } from '../tests/unit/export/fixture';

const SAMPLE_URL = 'http://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';
/** Where the screenshots go (the demo's own e2e test points it at a temporary folder). */
const OUTPUT_DIR = process.env.YD_DEMO_OUTPUT ?? 'demo-output';
/** The sentence the demo highlights, to show the reader's own marks in the popup. */
const DEMO_QUOTE = '创先争优活动只有与经济社会发展紧密结合';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startSiteServer();
const browser = await launchWithExtension(server.port, { headless, extensionDir: RELEASE_EXTENSION_DIR });
const page = await browser.context.newPage();
await page.goto(SAMPLE_URL);
await waitForReader(page);

const found = await page.evaluate(() => ({
  policy: document.documentElement.dataset.ydPolicy,
  ms: document.documentElement.dataset.ydMs,
  directives: new Set([...document.querySelectorAll('yd-mark[data-kind="directive"]')].map((m) => m.getAttribute('data-item'))).size,
}));
console.log(`研读：政策文章=${found.policy}，标出 ${found.directives} 项举措，用时 ${found.ms} ms`);

if (!headless) {
  console.log(`浏览器已打开示例文章 ${SAMPLE_URL}。选中文字后点“划线”试试；按 Ctrl+C 退出。`);
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

await mkdir(OUTPUT_DIR, { recursive: true });
// Make one highlight through the real UI, as a reader would.
await page.evaluate((quote) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(quote);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return;
  }
}, DEMO_QUOTE);
// 划线, clicked where the toolbar shows: the release build closes our shadow root, so the place comes
// from the model (toolbarPlace over the selection; 划线 is the toolbar's first button).
const rect = await page.evaluate(() => {
  const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});
const place = toolbarPlace(rect);
const [x, y] = [place.x + 24, place.y + 18];
await page.waitForFunction(([px, py]) => document.elementFromPoint(px!, py!)?.tagName === 'YANDU-TOOLBAR', [x, y]);
await page.mouse.click(x, y);
await page.waitForSelector('yd-mark[data-annotation]');
await page.evaluate(() => document.querySelector('yd-mark[data-kind="directive"]')?.scrollIntoView({ block: 'center' }));
await page.screenshot({ path: `${OUTPUT_DIR}/article.png` });
await page.screenshot({ path: `${OUTPUT_DIR}/article-full.png`, fullPage: true });

const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
await popup.setViewportSize({ width: 400, height: 560 });
await popup.getByText(DEMO_QUOTE).first().waitFor();
await popup.screenshot({ path: `${OUTPUT_DIR}/popup.png` });

console.log(`截图已保存：${OUTPUT_DIR}/article.png、${OUTPUT_DIR}/article-full.png、${OUTPUT_DIR}/popup.png`);
await browser.close();
await server.close();

// The Word 学习笔记 (公文版) as LibreOffice shows it: the first two pages as pictures.
const work = await mkdtemp(join(tmpdir(), 'yd-demo-docx-'));
try {
  const pdf = await docxToPdf(await renderDocx(officeFixtureRecord()), work, 'xuexi-biji');
  const pngs = await pdfPagesToPng(pdf, `${OUTPUT_DIR}/xuexi-biji-page`, 1, 2);
  console.log(`学习笔记（Word，经 LibreOffice 转 PDF）前两页：${pngs.join('、')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
