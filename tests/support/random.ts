/**
 * A seeded generator (mulberry32): 32-bit integer steps with Math.imul, so a
 * collection or a test case repeats exactly from its seed. (A plain
 * `s * 1103515245` LCG in doubles loses bits past 2^53 and cycles early.)
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
