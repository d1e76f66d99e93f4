// A seeded pseudo-random generator, so that the same arguments always generate the same
// catalogue. sfc32 (Chris Doty-Humphrey's small fast chaotic generator): 128 bits of state, fast in
// plain 32-bit JavaScript arithmetic, and good enough for test data.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /**
   * A rank in [0, n) where low ranks come far more often, as popularity does: rank = n × u^skew.
   * skew 1 is uniform; the larger the skew, the more the first ranks dominate.
   */
  skewedRank(n: number, skew: number): number;
}

/** A generator for one part of the catalogue: each part draws from its own stream (seed, part). */
export function createRandom(seed: number, part: number): Random {
  // splitmix32 spreads a small seed over the whole state, so that seeds 1 and 2 differ at once.
  const mix = splitmix32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(part + 1, 0x85ebca6b));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // The first outputs still carry the seeding's pattern: skip them.
  for (let i = 0; i < 15; i++) next();

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    skewedRank: (n, skew) => Math.min(n - 1, Math.floor(n * next() ** skew)),
  };
}

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
}

/**
 * A fixed shuffle of 1..n as `rank -> id`: (rank × stride + offset) mod n with a stride that shares
 * no factor with n. Popular ranks then land on ids spread over the whole table rather than the first
 * ones, without holding a shuffled array of millions in memory.
 */
export function spreadIds(n: number, stride: number, offset: number): (rank: number) => number {
  let step = stride % n || 1;
  while (gcd(step, n) !== 1) step++;
  // rank × step stays below 2^53 for every n this benchmark uses (tens of millions).
  return (rank) => 1 + ((rank * step + offset) % n);
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Draws from fixed weights: items with weight 4 come four times as often as those with 1. */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const [, weight] of entries) cumulative.push((running += weight / total));
  return (random) => {
    const u = random.next();
    const index = cumulative.findIndex((bound) => u < bound);
    return entries[index === -1 ? entries.length - 1 : index]![0];
  };
}
