/** The reader's gestures for notes, shared by the e2e tests: one place to follow the note editor's shape. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { selectWithMouse } from './mouse';
import { noteFrame } from './page-helpers';

/**
 * Selects `quote` with the mouse, opens 批注, types `text` in the note frame and saves with Ctrl+Enter.
 * The page is brought to the front first, as the reader's tab is: a background tab draws no frames, and
 * clicks into the note frame (its own process) are routed by what was last drawn.
 */
export async function writeNoteOn(page: Page, quote: string, text: string): Promise<void> {
  await page.bringToFront();
  await selectWithMouse(page, quote);
  await page.getByRole('button', { name: '批注' }).click();
  const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
  await editor.fill(text);
  await editor.press('Control+Enter');
  await expect.poll(() => editor.count()).toBe(0);
}

/** Clicks the reader's own mark on `quote`, replaces its note with `text` and saves. */
export async function editNoteOn(page: Page, quote: string, text: string): Promise<void> {
  await page.bringToFront();
  await page.locator('yd-mark[data-annotation]').filter({ hasText: quote }).first().click();
  const editor = noteFrame(page).getByRole('textbox', { name: '批注' });
  await editor.fill(text);
  await editor.press('Control+Enter');
  await expect.poll(() => editor.count()).toBe(0);
}
