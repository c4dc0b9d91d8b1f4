/**
 * Renders the toolbar icon (the character 研 on a red seal) to PNG at every size
 * the manifest uses, with the Chromium the tests use. Run once after changing the
 * design: `node --import tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/support/browser';

const SIZES = [16, 32, 48, 96, 128];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${size * 0.18}px;background:#b3261e;color:#fff;
      display:flex;align-items:center;justify-content:center;font:bold ${Math.round(size * 0.78)}px 'WenQuanYi Micro Hei',sans-serif;line-height:1">研</div>
  </body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
