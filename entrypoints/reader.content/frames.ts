/**
 * Pages whose article stands in a frame of the same site: a <frameset> of old
 * CMSs, or an <iframe> holding the article body. The reader script runs in
 * every frame (manifest all_frames), and reads a frame only when it belongs to
 * the same site as the page around it. The top page, when it has no article
 * of its own, takes its state from its frames' readers: it is a policy page
 * when one of its frames is.
 */

/** Whether this script runs in a frame it should read: a frame of the same origin as its parent page. */
export function readsThisFrame(): boolean {
  if (window === window.top) return true;
  try {
    // frameElement is null when the parent is of another origin; reading its location then throws.
    return window.frameElement !== null && window.parent.location.origin === location.origin;
  } catch {
    return false;
  }
}

/** How long the top page waits for its frames' readers before it says what it has. */
const FRAME_WAIT_MS = 3_000;
/** How often it looks. */
const FRAME_POLL_MS = 50;

/** The page's frames and iframes that load a page of its own origin (whose reader will run). */
function sameOriginFrames(doc: Document): HTMLIFrameElement[] {
  return [...doc.querySelectorAll<HTMLIFrameElement>('frame[src], iframe[src]')].filter((frame) => {
    try {
      return new URL(frame.src, doc.baseURI).origin === new URL(doc.baseURI).origin && !frame.hasAttribute('srcdoc');
    } catch {
      return false;
    }
  });
}

/** The frame's reader state: its policy verdict once its reader is done, else undefined. */
function frameVerdict(frame: HTMLIFrameElement): boolean | undefined {
  const html = frame.contentDocument?.documentElement;
  if (html?.getAttribute('data-yd-state') !== 'done') return undefined;
  return html.getAttribute('data-yd-policy') === 'true';
}

/**
 * For a page without an article of its own: waits (at most FRAME_WAIT_MS) for
 * the readers of its same-origin frames and says whether one of them found a
 * policy article; null when the page has no such frame.
 */
export async function framesPolicy(doc: Document): Promise<boolean | null> {
  const frames = sameOriginFrames(doc);
  if (frames.length === 0) return null;
  const deadline = performance.now() + FRAME_WAIT_MS;
  for (;;) {
    const verdicts = frames.map(frameVerdict);
    if (verdicts.includes(true)) return true;
    if (!verdicts.includes(undefined) || performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, FRAME_POLL_MS));
  }
}
