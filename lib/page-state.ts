/**
 * The page contract of DESIGN.md: attributes on <html> that say the reader
 * script has finished, whether the page is a policy text, and how long it took.
 */

/** What the reader script found, for the page attributes. */
export interface PageOutcome {
  /** Whether the page is a policy article. */
  isPolicy: boolean;
  /** Milliseconds from the script's start to done. */
  elapsedMs: number;
}

/** Marks the page as done (`data-yd-state`, `data-yd-policy`, `data-yd-ms`). */
export function markPageDone(html: Element, outcome: PageOutcome): void {
  html.setAttribute('data-yd-policy', String(outcome.isPolicy));
  html.setAttribute('data-yd-ms', outcome.elapsedMs.toFixed(1));
  html.setAttribute('data-yd-state', 'done');
}
