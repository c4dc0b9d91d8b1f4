/** Real mouse gestures on a page, for the e2e tests (Playwright's Chromium pages and puppeteer's Firefox pages alike). */

/** Where a selection starts and ends, in viewport pixels. */
interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What both drivers' pages offer that a selection needs. */
export interface MousePage {
  evaluate(fn: (text: string) => Box | null, text: string): Promise<Box | null>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
}

/** Selects `text` in the article with real mouse moves: press before its first character, release after its last. */
export async function selectWithMouse(page: MousePage, text: string): Promise<void> {
  const box = await page.evaluate((target) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      // A paragraph taller than the window (Firefox's is 800 × 600) may leave the text itself outside it.
      const seen = range.getBoundingClientRect();
      if (seen.top < 0 || seen.bottom > window.innerHeight) window.scrollBy(0, seen.top - window.innerHeight / 3);
      const rects = [...range.getClientRects()];
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`text not on the page: ${text}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
