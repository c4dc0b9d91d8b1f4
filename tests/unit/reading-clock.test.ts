/** 学习时长's clock on a made-up timeline: visible and active time counts, hidden or idle time never. */
import { describe, expect, test } from 'vitest';
import { ACTIVE_WINDOW_MS, FLUSH_EVERY_MS, MAX_STEP_MS, ReadingClock } from '@/lib/reader/reading-clock';

function setup() {
  let now = 0;
  let visible = true;
  const flushed: number[] = [];
  const clock = new ReadingClock({ now: () => now, visible: () => visible, flush: (ms) => flushed.push(ms) });
  /** Lets `ms` pass, ticking every second as the page does. */
  const pass = (ms: number): void => {
    for (let left = ms; left > 0; left -= 1_000) {
      now += Math.min(1_000, left);
      clock.tick();
    }
  };
  const total = (): number => flushed.reduce((a, b) => a + b, 0);
  /** Moves the clock on without any tick (the page was frozen, the machine asleep). */
  const jump = (ms: number): void => {
    now += ms;
  };
  return { clock, pass, jump, total, flushed, hide: () => ((visible = false), clock.visibility()), show: () => ((visible = true), clock.visibility()) };
}

describe('ReadingClock', () => {
  test('visible and active: every second counts, handed over every few seconds and when hidden', () => {
    const t = setup();
    t.pass(12_000);
    expect(t.flushed.length).toBeGreaterThanOrEqual(2);
    expect(t.flushed.every((ms) => ms <= FLUSH_EVERY_MS)).toBe(true);
    t.pass(500);
    t.hide();
    expect(t.total()).toBe(12_500);
  });

  test('hidden: nothing counts, however long', () => {
    const t = setup();
    t.pass(3_000);
    t.hide();
    t.pass(600_000);
    expect(t.total()).toBe(3_000);
    t.show();
    t.pass(2_000);
    t.clock.stop();
    expect(t.total()).toBe(5_000);
  });

  test('idle: time counts up to a minute after the last action, then stops until the next', () => {
    const t = setup();
    t.pass(5 * 60_000);
    t.clock.stop();
    expect(t.total()).toBe(ACTIVE_WINDOW_MS);
    t.clock.activity();
    t.pass(10_000);
    t.clock.stop();
    expect(t.total()).toBe(ACTIVE_WINDOW_MS + 10_000);
  });

  test('a long pause between ticks (the machine slept) adds at most one step', () => {
    const t = setup();
    t.pass(1_000);
    t.jump(30_000);
    t.clock.tick();
    t.clock.stop();
    expect(t.total()).toBe(1_000 + MAX_STEP_MS);
  });
});
