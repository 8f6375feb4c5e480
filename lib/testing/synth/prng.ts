/**
 * A small seeded pseudo-random generator (mulberry32) so every synthetic report is reproducible
 * from its seed alone. Not cryptographic; good enough for test data.
 */

/** Random source used by the generator and renderers. */
export type Rng = {
  /** uniform float in [0, 1) */
  next: () => number;
  /** uniform integer in [min, max] (inclusive) */
  int: (min: number, max: number) => number;
  /** true with probability p */
  chance: (p: number) => boolean;
  /** one element of a non-empty list */
  pick: <T>(items: readonly T[]) => T;
  /** a fresh generator derived from this one (independent stream for a sub-task) */
  fork: () => Rng;
};

/** mulberry32 over a 32-bit seed; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
}

/**
 * A count with the shape real reports show: mostly 0, often small, sometimes large.
 * `scale` is the typical upper end of the "large" bucket.
 */
export function skewedCount(rng: Rng, scale: number): number {
  const r = rng.next();
  if (r < 0.45) return 0;
  if (r < 0.8) return rng.int(1, 9);
  if (r < 0.95) return rng.int(10, Math.max(10, Math.floor(scale / 10)));
  return rng.int(Math.max(10, Math.floor(scale / 10)), Math.max(11, scale));
}
