/**
 * 学习时长: how long the reader actually reads a page. Time counts while the
 * page is visible and the reader was active on it (pointer, keys, wheel,
 * scroll, touch) within the last minute; never while the tab is hidden. Pure:
 * the caller passes the clock, the visibility and the flush, and calls
 * `activity()`, `visibility()` and `tick()`; the reader script wires them to
 * the page (entrypoints/reader.content).
 */

/** How long after the reader's last action time still counts. */
export const ACTIVE_WINDOW_MS = 60_000;
/** Longest step one tick may add (a laptop that slept does not count its sleep). */
export const MAX_STEP_MS = 2_000;
/**
 * Counted time is handed to `flush` at least this often while counting. Short: the last flush, when the page goes
 * away, may not finish writing (measured in Chromium: the write started in `pagehide` was lost), so at most this
 * much is lost then.
 */
export const FLUSH_EVERY_MS = 1_000;

export interface ReadingClockDeps {
  /** Milliseconds on a steady clock (performance.now()). */
  now: () => number;
  /** Whether the page is visible now. */
  visible: () => boolean;
  /** Hands over time counted since the last flush (ms > 0). */
  flush: (ms: number) => void;
}

export class ReadingClock {
  private lastActive: number;
  private lastTick: number;
  private unflushed = 0;
  private lastFlush: number;

  constructor(private readonly deps: ReadingClockDeps) {
    const now = deps.now();
    // Opening the page is the reader's action.
    this.lastActive = now;
    this.lastTick = now;
    this.lastFlush = now;
  }

  /** The reader did something on the page. */
  activity(): void {
    const now = this.deps.now();
    this.count(now);
    this.lastActive = now;
  }

  /** Visibility changed: counts up to now, and hands everything over when the page was hidden. */
  visibility(): void {
    const now = this.deps.now();
    if (this.deps.visible()) {
      // Coming back to a tab is the reader's action; the hidden time before it does not count.
      this.lastTick = now;
      this.lastActive = now;
    } else {
      this.count(now);
      this.flush(now);
    }
  }

  /** Called about every second: counts, and flushes every FLUSH_EVERY_MS. */
  tick(): void {
    const now = this.deps.now();
    this.count(now);
    if (now - this.lastFlush >= FLUSH_EVERY_MS) this.flush(now);
  }

  /** Hands over what is counted (page hidden or going away). */
  stop(): void {
    const now = this.deps.now();
    this.count(now);
    this.flush(now);
  }

  private count(now: number): void {
    const from = this.lastTick;
    this.lastTick = now;
    if (!this.deps.visible()) return;
    // Only the part of the step inside the active window counts.
    const until = Math.min(now, this.lastActive + ACTIVE_WINDOW_MS);
    const step = Math.min(until - from, MAX_STEP_MS);
    if (step > 0) this.unflushed += step;
  }

  private flush(now: number): void {
    this.lastFlush = now;
    if (this.unflushed <= 0) return;
    const ms = this.unflushed;
    this.unflushed = 0;
    this.deps.flush(ms);
  }
}
