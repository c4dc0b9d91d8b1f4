/** Random ids on browsers with and without crypto.randomUUID (Chromium 88–91 lack it). */
import { describe, expect, test } from 'vitest';
import { randomUuid, type RandomSource } from '@/lib/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  const withoutRandomUuid: RandomSource = { getRandomValues: (array) => crypto.getRandomValues(array) };
  test.each([
    ['with crypto.randomUUID', crypto as RandomSource],
    ['without it (Chromium 88)', withoutRandomUuid],
  ])('%s: a v4 UUID, different each time', (_name, source) => {
    const ids = new Set(Array.from({ length: 100 }, () => randomUuid(source)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(V4);
  });

  test('all-ones bytes still give the version and variant bits', () => {
    const ones: RandomSource = { getRandomValues: <T extends ArrayBufferView | null>(array: T): T => ((array as unknown as Uint8Array).fill(0xff), array) };
    expect(randomUuid(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
