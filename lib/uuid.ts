/**
 * Random ids (UUID v4) that also work on Chromium 88–91, which lack
 * `crypto.randomUUID` (Chrome 92): there they are made from
 * `crypto.getRandomValues`, as the standard describes.
 */

/** The parts of Web Crypto the ids need. */
export type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/** A new random UUID v4. */
export function randomUuid(source: RandomSource = crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10xx
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
