/**
 * A bounded watch for pages that fill in their article late (scripts, lazy
 * loading): it reports when the page has settled after a change, at most
 * `maxRuns` times and only for `lifetimeMs`, then goes quiet for good. Our own
 * DOM writes run through `withoutWatching`, so our marks never wake it: there
 * is no loop with ourselves.
 */

/** Limits of the watch. */
export interface WatchLimits {
  /** How long the page must be still before it counts as settled. */
  quietMs: number;
  /** How many settled changes are reported at most. */
  maxRuns: number;
  /** How long after start the watch stops in any case. */
  lifetimeMs: number;
}

/** A watch under way. */
export interface ContentWatch {
  /** Runs `write` (our own DOM changes) without the watch seeing them. */
  withoutWatching: <T>(write: () => T) => T;
  /** Starts afresh with a full budget (after a history navigation). */
  restart: () => void;
  /** Stops the watch. */
  stop: () => void;
  /** Whether the watch has stopped (budget used, lifetime over, or stopped). */
  readonly stopped: boolean;
}

/** Defaults: long enough for a slow script to finish, short enough to stop a page that never settles. */
export const DEFAULT_WATCH_LIMITS: WatchLimits = { quietMs: 500, maxRuns: 6, lifetimeMs: 30_000 };

export function watchContent(
  target: Node,
  onSettled: () => void,
  limits: WatchLimits = DEFAULT_WATCH_LIMITS,
): ContentWatch {
  let runs = 0;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let lifetimeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let paused = 0;

  const observer = new MutationObserver(() => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(settle, limits.quietMs);
  });
  const connect = (): void => observer.observe(target, { childList: true, subtree: true, characterData: true });

  function stop(): void {
    stopped = true;
    observer.disconnect();
    clearTimeout(quietTimer);
    clearTimeout(lifetimeTimer);
  }

  function settle(): void {
    if (stopped) return;
    runs += 1;
    if (runs >= limits.maxRuns) stop();
    onSettled();
  }

  function start(): void {
    stopped = false;
    runs = 0;
    clearTimeout(lifetimeTimer);
    lifetimeTimer = setTimeout(stop, limits.lifetimeMs);
    connect();
  }

  start();
  return {
    withoutWatching: <T,>(write: () => T): T => {
      if (stopped) return write();
      if (paused++ === 0) {
        // Page changes queued just before our write still count.
        if (observer.takeRecords().length > 0) {
          clearTimeout(quietTimer);
          quietTimer = setTimeout(settle, limits.quietMs);
        }
        observer.disconnect();
      }
      try {
        return write();
      } finally {
        if (--paused === 0 && !stopped) connect();
      }
    },
    restart: () => {
      observer.disconnect();
      start();
    },
    stop,
    get stopped() {
      return stopped;
    },
  };
}
