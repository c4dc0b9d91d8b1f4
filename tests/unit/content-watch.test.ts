// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { watchContent, type WatchLimits } from '@/lib/reader/content-watch';

const LIMITS: WatchLimits = { quietMs: 50, maxRuns: 3, lifetimeMs: 2_000 };

afterEach(() => {
  document.body.innerHTML = '';
});

/** Lets the observer deliver and the quiet timer run. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, LIMITS.quietMs * 3));

describe('watchContent', () => {
  test('reports once when a burst of page changes has settled', async () => {
    const onSettled = vi.fn();
    const watch = watchContent(document.body, onSettled, LIMITS);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('p'));
    await settle();
    expect(onSettled).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  test('does not wake for our own writes', async () => {
    const onSettled = vi.fn();
    const watch = watchContent(document.body, onSettled, LIMITS);
    watch.withoutWatching(() => document.body.append(document.createElement('yd-mark')));
    await settle();
    expect(onSettled).not.toHaveBeenCalled();
    watch.stop();
  });

  test('a page change queued just before our write still counts', async () => {
    const onSettled = vi.fn();
    const watch = watchContent(document.body, onSettled, LIMITS);
    document.body.append(document.createElement('p'));
    watch.withoutWatching(() => document.body.append(document.createElement('yd-mark')));
    await settle();
    expect(onSettled).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  test('goes quiet for good after maxRuns, however much the page keeps changing', async () => {
    const onSettled = vi.fn();
    const watch = watchContent(document.body, onSettled, LIMITS);
    for (let round = 0; round < 6; round++) {
      document.body.append(document.createElement('p'));
      await settle();
    }
    expect(onSettled).toHaveBeenCalledTimes(LIMITS.maxRuns);
    expect(watch.stopped).toBe(true);
  });

  test('stops at the end of its lifetime, and restart gives a fresh budget', async () => {
    const onSettled = vi.fn();
    const watch = watchContent(document.body, onSettled, { ...LIMITS, lifetimeMs: 30 });
    await settle();
    expect(watch.stopped).toBe(true);
    document.body.append(document.createElement('p'));
    await settle();
    expect(onSettled).not.toHaveBeenCalled();
    watch.restart();
    document.body.append(document.createElement('p'));
    await new Promise((done) => setTimeout(done, 10));
    expect(watch.stopped).toBe(false);
    watch.stop();
  });
});
