/** The page contract's attributes (DESIGN.md): data-yd-phases written and read back. */
import { describe, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { formatPhases, markPageDone, parsePhases, PhaseClock } from '@/lib/page-state';

describe('data-yd-phases', () => {
  test('lists every phase in order with one decimal, phases not run as 0.0', () => {
    expect(formatPhases({ extract: 1.23, analyse: 3.36, mark: 0.9 })).toBe('extract:1.2,analyse:3.4,mark:0.9,notes:0.0');
    expect(parsePhases('extract:1.2,analyse:3.4,mark:0.9,notes:0.0')).toEqual({ extract: 1.2, analyse: 3.4, mark: 0.9, notes: 0 });
    expect(parsePhases('extract:1.2,analyse:3.4')).toBeNull();
    expect(parsePhases('extract:x,analyse:3.4,mark:0.9,notes:0.0')).toBeNull();
    expect(parsePhases(null)).toBeNull();
  });

  test('the clock adds each timed call to its phase, also when the call throws', async () => {
    let now = 0;
    const clock = new PhaseClock(() => now);
    clock.time('extract', () => (now += 2));
    clock.time('extract', () => (now += 1.5));
    expect(() =>
      clock.time('mark', () => {
        now += 4;
        throw new Error('x');
      }),
    ).toThrow('x');
    const later = new Promise<void>((resolve) => setTimeout(() => ((now += 7), resolve()), 0));
    await clock.timeAsync('notes', later);
    expect(clock.times).toEqual({ extract: 3.5, analyse: 0, mark: 4, notes: 7 });
  });

  test('markPageDone sets the phases with the other attributes', () => {
    const html = new Window().document.documentElement as unknown as Element;
    const seen: string[] = [];
    markPageDone(html, { isPolicy: true, elapsedMs: 12.345, phases: { extract: 5, analyse: 4, mark: 3 } });
    for (const name of ['data-yd-state', 'data-yd-policy', 'data-yd-ms', 'data-yd-phases']) seen.push(html.getAttribute(name) ?? '');
    expect(seen).toEqual(['done', 'true', '12.3', 'extract:5.0,analyse:4.0,mark:3.0,notes:0.0']);
  });
});
