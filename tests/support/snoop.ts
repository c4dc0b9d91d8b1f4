/**
 * The snooping page (tests/fixtures/site/www.gov.cn/snoop) and the note the privacy
 * tests write on it, shared by the Chromium and Firefox tests (tests/e2e/privacy*.e2e.ts).
 */

export const SNOOP_URL = 'http://www.gov.cn/snoop/index.html';

/** The note, by how it is entered; no character of it is on the page (the tests check that first). */
export const NOTE_PARTS = {
  /** The article text the note is on. */
  quote: '二是要加强社区工作者队伍建设',
  /** Typed as key presses. */
  typed: 'ZV',
  /** Inserted as text (what an input method commits). */
  inserted: '窃谓宜缓',
  /** Entered through an IME composition. */
  composed: '斟酌',
  /** The tag. */
  tag: '私评',
} as const;

/** Every character of the note and its tag, once each. */
export function noteCharacters(): string[] {
  const { typed, inserted, composed, tag } = NOTE_PARTS;
  return [...new Set(typed + inserted + composed + tag)];
}

/** What the page's script collected. */
export interface Snooped {
  /** One line per event heard: type, key, code, data, clipboard text, target value. */
  heard: string[];
  /** Every text and attribute value it read in the DOM, shadow roots and frames. */
  seen: string[];
  /** The addresses of the frames it found (in shadow roots it could open). */
  frames: string[];
}

/** A page of either driver (Playwright, puppeteer): something that runs a function in the page. */
interface Evaluates {
  evaluate: (fn: () => Snooped) => Promise<Snooped>;
}

/** Reads what the page's script collected so far. */
export function snooped(page: Evaluates): Promise<Snooped> {
  return page.evaluate(() => {
    const snoop = (window as unknown as { __snoop: { heard: string[]; seen: Set<string>; frames: Set<string> } }).__snoop;
    return { heard: [...snoop.heard], seen: [...snoop.seen], frames: [...snoop.frames] };
  });
}
