/**
 * Reading the page contract from a test: automatic marks grouped by item, the
 * outline panel's entries, and the page's visible text without our own UI.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** One automatic item on the page: its kind and its marked text (all pieces joined). */
export interface MarkedItem {
  /** data-kind */
  kind: string;
  /** data-item */
  item: string;
  /** The text of all its marks, in page order. */
  text: string;
}

/** The automatic items marked in a page, or in one of its frames. */
export function markedItems(page: Page | Frame): Promise<MarkedItem[]> {
  return page.evaluate(() => {
    const items = new Map<string, { kind: string; item: string; text: string }>();
    for (const mark of document.querySelectorAll('yd-mark[data-kind]')) {
      const item = mark.getAttribute('data-item') ?? '';
      const entry = items.get(item) ?? { kind: mark.getAttribute('data-kind') ?? '', item, text: '' };
      entry.text += mark.textContent ?? '';
      items.set(item, entry);
    }
    return [...items.values()];
  });
}

/** The visible text of the page, without 研读's own in-page UI. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll<HTMLElement>('yandu-panel, yandu-toolbar')];
    for (const host of hosts) host.style.setProperty('display', 'none', 'important');
    const text = document.body.innerText;
    for (const host of hosts) host.style.removeProperty('display');
    return text;
  });
}

/** The same text normalised the way LABELING.md compares: NFKC, no white space, no punctuation. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The outline panel (shadow DOM; Playwright's locators pierce open shadow roots). */
export function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: '研读提纲' });
}

/** Opens the outline panel if it started collapsed (it does where it would cover the article). */
export async function openPanel(page: Page): Promise<Locator> {
  await page.waitForSelector('yandu-panel', { state: 'attached' });
  const handle = page.getByRole('button', { name: '展开研读提纲' });
  if ((await handle.count()) > 0) await handle.click();
  return panel(page);
}

/**
 * The floating note frame: the note editor (text box 批注, buttons 保存 and 取消) and the note
 * under the pointer (role tooltip) live in this extension page, not in the page's DOM.
 */
export function noteFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="研读批注"]');
}

/** The outline panel's 我的批注 tab, a frame of the extension's own page. */
export function myNotesFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="我的批注"]');
}
