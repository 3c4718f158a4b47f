import type { Anchors, Operation } from "./ops";
import { operations } from "./ops";

/**
 * The mixed workload's shape (bench/mixed.ts): what the three kinds of users do, as shares of the
 * requests. Looking names up and searching come first, then reading an entity's fields and
 * relationships, then exploring a neighbourhood, then the heavier chain and path questions.
 */
export const MIX_CLASSES = [
  { name: "lookup", share: 0.4, ops: ["resolve", "search"] },
  { name: "fields", share: 0.3, ops: ["entity-2-levels", "list-page", "nested-list-3"] },
  { name: "neighbourhood", share: 0.2, ops: ["neighborhood-2"] },
  { name: "chain-paths", share: 0.1, ops: ["innovation-chain", "paths"] },
] as const;

export type MixClass = (typeof MIX_CLASSES)[number]["name"];

/** One request of the mix: an operation on one set of anchors, and its share of the requests. */
export interface MixVariant {
  readonly cls: MixClass;
  readonly op: Operation;
  /** Index into the anchor sets; the floor serves `/op/<name>?anchors=<index>`. */
  readonly anchors: number;
  readonly weight: number;
}

/**
 * Every (operation, anchor set) of the mix with its weight: a class's share split evenly over its
 * operations, and an operation's over its distinct questions (list-page asks the same whatever the
 * anchors, so it is one variant, not four of the same query).
 */
export function mixVariants(anchorSets: readonly Anchors[]): MixVariant[] {
  const perSet = anchorSets.map((anchors) => operations(anchors));
  return MIX_CLASSES.flatMap((cls) =>
    cls.ops.flatMap((name) => {
      const seen = new Set<string>();
      const distinct: { op: Operation; anchors: number }[] = [];
      perSet.forEach((ops, index) => {
        const op = ops.find((o) => o.name === name);
        if (op === undefined) throw new Error(`the mix names an unknown operation ${name}`);
        if (seen.has(op.ours)) return;
        seen.add(op.ours);
        distinct.push({ op, anchors: index });
      });
      const weight = cls.share / cls.ops.length / distinct.length;
      return distinct.map(({ op, anchors }) => ({ cls: cls.name, op, anchors, weight }));
    }),
  );
}

/** mulberry32: a small seeded PRNG, so both targets are asked the same sequence of requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws items by weight with a seeded PRNG; weights need not sum to 1. */
export function weightedPicker<T extends { readonly weight: number }>(
  items: readonly T[],
  seed: number,
): () => T {
  if (items.length === 0) throw new Error("nothing to pick from");
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += item.weight;
    cumulative.push(total);
  }
  const random = seededRandom(seed);
  return () => {
    const x = random() * total;
    const index = cumulative.findIndex((c) => x < c);
    return items[index === -1 ? items.length - 1 : index] as T;
  };
}

export interface RssTrend {
  /** Mean RSS of the first and the last quarter of the samples, MB. */
  readonly firstQuarterMb: number;
  readonly lastQuarterMb: number;
  /** Least-squares slope over the last half of the samples, MB per minute. */
  readonly lastHalfSlopeMbPerMin: number;
  /**
   * Whether RSS has stopped growing: the last half's trend, carried over the last half's length,
   * moves RSS by less than 5% of its mean. A heap that settles after warming up is flat; one that
   * keeps climbing to the end is not.
   */
  readonly flat: boolean;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

/** The trend of RSS samples taken every `intervalSeconds`; needs at least 4 samples. */
export function rssTrend(samplesMb: readonly number[], intervalSeconds: number): RssTrend {
  if (samplesMb.length < 4) throw new Error("an RSS trend needs at least 4 samples");
  const quarter = Math.floor(samplesMb.length / 4);
  const half = samplesMb.slice(Math.floor(samplesMb.length / 2));
  const xs = half.map((_, i) => i * intervalSeconds);
  const mx = mean(xs);
  const my = mean(half);
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * ((half[i] ?? my) - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const slopePerSecond = sxx === 0 ? 0 : sxy / sxx;
  const spanSeconds = (half.length - 1) * intervalSeconds;
  const r = (v: number): number => Number(v.toFixed(1));
  return {
    firstQuarterMb: r(mean(samplesMb.slice(0, quarter))),
    lastQuarterMb: r(mean(samplesMb.slice(-quarter))),
    lastHalfSlopeMbPerMin: r(slopePerSecond * 60),
    flat: Math.abs(slopePerSecond * spanSeconds) < 0.05 * my,
  };
}
