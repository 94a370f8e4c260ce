/**
 * Seeded randomness for fuzz and chaos tests. Every random choice in those tests comes from
 * one of these generators, so a failing run is replayed exactly by its seed; a seed that
 * once failed is pinned as an explicit regression case next to the random ones.
 */

import { mulberry32 } from "./random";

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max] (both included). */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)];
  }

  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(this.int(copy.length), 1)[0]);
    return out;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }

  /** A child generator: independent streams (one per client) that stay reproducible. */
  fork(): Rng {
    return new Rng(this.int(2 ** 32));
  }
}

/**
 * The seeds a fuzz test runs: the pinned regression seeds first, then `defaultCount` seeds
 * derived from a fixed base, so a run is the same on every machine. CHAOS_SEEDS (set by
 * `npm run test:chaos`) raises the count to CHAOS_SEEDS × `chaosScale`; it never lowers it.
 */
export function fuzzSeeds(defaultCount: number, pinned: readonly number[] = [], base = 0x5eed, chaosScale = 1): number[] {
  const requested = Math.ceil(Number(process.env.CHAOS_SEEDS ?? "") * chaosScale);
  const count = Number.isFinite(requested) && requested > defaultCount ? requested : defaultCount;
  const seeds = [...pinned];
  for (let i = 0; seeds.length < pinned.length + count; i++) {
    const seed = (base + i * 0x9e3779b1) >>> 0;
    if (!seeds.includes(seed)) seeds.push(seed);
  }
  return seeds;
}

/** Whether the chaos run (`npm run test:chaos`) asked for more than the default. */
export const chaosRun = Number(process.env.CHAOS_SEEDS ?? "0") > 0;
