/** A source of numbers in [0, 1) that repeats for a given seed. */
export type RandomSource = () => number;

/**
 * mulberry32: a tiny deterministic PRNG.
 * Probabilistic faults must replay identically for a given seed, so a flaky-looking
 * test failure can be reproduced; Math.random cannot be seeded.
 */
export function createSeededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
