/**
 * The reader's notes stay private from the page they are written on (issue 19),
 * in Chromium with the e2e build. The page (tests/fixtures/site/www.gov.cn/snoop)
 * runs a script in its own world that listens in the capture phase for key,
 * input, composition and clipboard events on window and document, walks every
 * reachable shadow root and frame every 50 ms, and observes the whole DOM. The
 * reader selects text, opens 批注, types a note (key presses, inserted Chinese
 * text, an IME composition) and a tag, saves with Ctrl+Enter, opens 我的批注 and
 * hovers the mark: the page's script has collected none of the note's
 * characters. Controls show the script does hear and see: a key pressed on the
 * page after the editor closed reaches it, and it reads our toolbar's open
 * shadow root (the e2e build keeps it open).
 */
import { describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { waitForReader } from '../support/browser';
import { useExtensionBrowser } from '../support/e2e-setup';
import { selectWithMouse } from '../support/mouse';
import { myNotesFrame, noteFrame, openPanel } from '../support/page-helpers';
import { NOTE_PARTS, noteCharacters, SNOOP_URL, snooped, type Snooped } from '../support/snoop';

const env = useExtensionBrowser();

/** Types Chinese as an input method does: a composition, then its committed text. */
async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text });
}

function leaked(log: Snooped, characters: readonly string[]): string[] {
  const all = [...log.heard, ...log.seen].join('\n');
  if (process.env.SNOOP_DEBUG) for (const line of [...log.heard, ...log.seen]) if (characters.some((c) => line.includes(c))) console.log('LEAK', JSON.stringify(line).slice(0, 300));
  return characters.filter((c) => all.includes(c));
}

describe('a page that snoops on the reader', () => {
  test('learns none of the characters of a note written, saved, listed and hovered on it', async () => {
    const page: Page = await env.browser.context.newPage();
    // In front, as the reader's tab is (the welcome tab of the install may have opened over it).
    await page.bringToFront();
    await page.goto(SNOOP_URL);
    await waitForReader(page);
    const characters = noteCharacters();
    // The note's characters are nowhere on the page before it is written (else the check below says nothing).
    await page.waitForTimeout(200);
    expect(leaked(await snooped(page), characters)).toEqual([]);

    await selectWithMouse(page, NOTE_PARTS.quote);
    // The toolbar stands only until 批注 is clicked: let the page's timer (every 50 ms) walk it once, so the
    // control below (the page does read our open toolbar) does not depend on how fast the click comes.
    await expect.poll(async () => (await snooped(page)).seen.some((text) => text.includes('复制引用'))).toBe(true);
    await page.getByRole('button', { name: '批注' }).click();
    const frame = noteFrame(page);
    const editor = frame.getByRole('textbox', { name: '批注' });
    await expect.poll(() => editor.count()).toBe(1);
    // No click into the frame: the focus went there when the editor opened.
    await expect.poll(() => editor.evaluate((box) => box === document.activeElement && document.hasFocus())).toBe(true);
    await page.keyboard.type(NOTE_PARTS.typed);
    await page.keyboard.insertText(NOTE_PARTS.inserted);
    const cdp = await page.context().newCDPSession(page);
    await compose(cdp, NOTE_PARTS.composed);
    await frame.getByRole('combobox', { name: '标签' }).fill(NOTE_PARTS.tag);
    await editor.focus();
    expect(await editor.inputValue()).toBe(NOTE_PARTS.typed + NOTE_PARTS.inserted + NOTE_PARTS.composed);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => page.locator('yd-mark[data-annotation]').count()).toBeGreaterThan(0);

    // Back on the page: the next key is the page's (and the page hears it — its listeners work).
    await expect.poll(() => page.evaluate(() => document.hasFocus() && document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('q');
    await expect.poll(async () => (await snooped(page)).heard.some((h) => h.startsWith('keydown\u0001q'))).toBe(true);

    // 我的批注 lists it, in its frame.
    await openPanel(page);
    await page.getByRole('tab', { name: '我的批注' }).click();
    await expect.poll(() => myNotesFrame(page).getByRole('list', { name: '我的批注' }).textContent()).toContain(NOTE_PARTS.inserted);
    // The note shows on hover, in the note frame.
    await page.locator('yd-mark[data-annotation]').first().hover();
    await expect.poll(() => frame.getByRole('tooltip').textContent()).toContain(NOTE_PARTS.composed);
    // Let the page's timer walk everything once more.
    await page.waitForTimeout(300);

    const log = await snooped(page);
    // The page could read our open shadow roots (the toolbar and outline) and see that an extension frame is
    // there, at an address valid for this session only (use_dynamic_url: not the extension's fixed id)…
    expect(log.seen.some((text) => text.includes('复制引用'))).toBe(true);
    expect(log.frames.length).toBeGreaterThan(0);
    for (const src of log.frames) {
      expect(src).toMatch(/^chrome-extension:\/\//);
      expect(new URL(src).host).not.toBe(env.browser.extensionId);
    }
    // …but none of the note's characters, from any of its listeners, walks or observers.
    expect(leaked(log, characters)).toEqual([]);
    await page.close();
  });
});
