/**
 * A two-page article (people.com.cn fixture, pages …-multi.html and …-multi-2.html):
 * a note made on page 2's text in page 1's merged view (载入全部页面) is saved
 * under page 1's address; page 2 opened on its own shows it, and a note made
 * there shows in page 1's merged view too.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openReaderPage, waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { writeNoteOn } from '../support/notes';
import { openPanel } from '../support/page-helpers';

const PAGE_1 = 'http://www.people.com.cn/n1/2024/0102/c64387-multi.html';
const PAGE_2 = 'http://www.people.com.cn/n1/2024/0102/c64387-multi-2.html';
/** Characters of each quote: taken from a run of page 2's text with no automatic mark in it. */
const QUOTE_CHARS = 8;

const env = useExtensionBrowser();

const open = (url: string): Promise<Page> => openReaderPage(env.browser, url);

async function loadAllPages(page: Page): Promise<void> {
  const shown = await openPanel(page);
  await shown.getByRole('button', { name: '载入全部页面' }).click();
  await page.locator('section[data-yd-page="2"]').waitFor({ state: 'attached' });
  await waitForReader(page);
}

/**
 * Eight characters of page 2's text that stand in one text node outside any mark (the first such run under
 * `scope`, or the last when `last`), so the mouse can select them.
 */
function plainQuote(page: Page, scope: string, last: boolean): Promise<string> {
  return page.evaluate(
    ({ scope, last, chars }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const runs: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node as Text).data.trim();
        if (!node.parentElement?.closest('yd-mark') && text.length >= chars + 4 && !/第\d页/.test(text)) runs.push(text.slice(2, 2 + chars));
      }
      if (runs.length === 0) throw new Error('no unmarked run of text on page 2');
      return last ? runs.at(-1)! : runs[0]!;
    },
    { scope, last, chars: QUOTE_CHARS },
  );
}

/** The text of each own note's marks on the page. */
function ownMarks(page: Page): Promise<string[]> {
  return page.locator('yd-mark[data-annotation]').evaluateAll((marks) => {
    const byNote = new Map<string, string>();
    for (const m of marks) byNote.set(m.getAttribute('data-annotation')!, (byNote.get(m.getAttribute('data-annotation')!) ?? '') + m.textContent);
    return [...byNote.values()].sort();
  });
}

describe('multi-page articles', () => {
  test('a note made on page 2 in the merged view comes back on page 2 opened alone, and the other way round', async () => {
    const merged = await open(PAGE_1);
    await loadAllPages(merged);
    const FROM_MERGED = await plainQuote(merged, 'section[data-yd-page="2"]', false);
    await writeNoteOn(merged, FROM_MERGED, '第二页的批注');
    await expect.poll(() => ownMarks(merged), { timeout: 10_000 }).toEqual([FROM_MERGED]);
    await merged.close();

    const alone = await open(PAGE_2);
    await expect.poll(() => ownMarks(alone), { timeout: 10_000 }).toEqual([FROM_MERGED]);
    const FROM_ALONE = await plainQuote(alone, 'body', true);
    expect(FROM_ALONE).not.toBe(FROM_MERGED);
    await writeNoteOn(alone, FROM_ALONE, '单独打开第二页时写的');
    await expect.poll(() => ownMarks(alone), { timeout: 10_000 }).toEqual([FROM_ALONE, FROM_MERGED].sort());
    await alone.close();

    const again = await open(PAGE_1);
    await loadAllPages(again);
    await expect.poll(() => ownMarks(again), { timeout: 10_000 }).toEqual([FROM_ALONE, FROM_MERGED].sort());
    await again.close();
  });
});
