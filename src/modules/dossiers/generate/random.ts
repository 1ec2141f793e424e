import { randomBytes } from 'node:crypto';

/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32) and the samplers the
 * generator draws from. Seeded so that `--seed 42` gives the same province-year every time;
 * not for anything secret.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Failures before the first success of a p-coin: 0, 1, 2, … (mean (1 − p) / p). */
  geometric(p: number): number;
  /** A new generator for a sub-stream, so adding draws in one place leaves the others alone. */
  fork(label: string): Rng;
};

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a label, to derive sub-stream seeds. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    geometric: (p) => (p >= 1 ? 0 : Math.floor(Math.log(1 - next()) / Math.log(1 - p))),
    fork: (label) => createRng((seed ^ hashLabel(label)) >>> 0),
  };
}

/** Draws indices in proportion to their weights (cumulative sums + binary search). */
export class WeightedSampler<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) {
      throw new Error('a weighted sampler needs as many weights as items, at least one');
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('a weighted sampler needs a positive weight');
    this.total = sum;
  }

  index(rng: Rng): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  draw(rng: Rng): T {
    return this.items[this.index(rng)]!;
  }
}

/**
 * Splits `total` into whole parts in proportion to `weights` (largest remainders), so the
 * parts add up to exactly `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]!++;
  return parts;
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
let pool = Buffer.alloc(0);
let poolAt = 0;

/**
 * A time-ordered UUID (version 7 layout: 48-bit Unix milliseconds, then random bits) for a row
 * made at `at`. Rows generated in time order then land at the end of the primary-key and
 * foreign-key indexes instead of all over them, which keeps a million-row load in cache.
 * The random bits come from the system generator, not the seed: a second run never collides.
 */
export function timeOrderedUuid(at: Date): string {
  if (poolAt + 10 > pool.length) {
    pool = randomBytes(10 * 4096);
    poolAt = 0;
  }
  const ms = at.getTime();
  const b = new Uint8Array(16);
  for (let i = 5, t = ms; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256;
  for (let i = 6; i < 16; i++) b[i] = pool[poolAt++]!;
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += hex[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}
