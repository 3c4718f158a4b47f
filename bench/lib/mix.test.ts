import { describe, expect, it } from "vitest";
import { MIX_CLASSES, mixVariants, rssTrend, weightedPicker } from "./mix";
import { SEED_ANCHOR_SETS } from "./ops";

describe("mixVariants", () => {
  const variants = mixVariants(SEED_ANCHOR_SETS);

  it("gives each class its share of the weight", () => {
    const byClass = new Map<string, number>();
    for (const v of variants) byClass.set(v.cls, (byClass.get(v.cls) ?? 0) + v.weight);
    expect(MIX_CLASSES.map((c) => Number(byClass.get(c.name)?.toFixed(6)))).toEqual([
      0.4, 0.3, 0.2, 0.1,
    ]);
  });

  it("asks a question that ignores the anchors once, and the others once per anchor set", () => {
    const count = (name: string): number => variants.filter((v) => v.op.name === name).length;
    expect([count("resolve"), count("list-page"), count("nested-list-3"), count("paths")]).toEqual([
      4, 1, 1, 4,
    ]);
    expect(variants).toHaveLength(24);
  });
});

describe("weightedPicker", () => {
  const items = [
    { name: "a", weight: 0.7 },
    { name: "b", weight: 0.2 },
    { name: "c", weight: 0.1 },
  ];

  it("draws the same sequence for the same seed, and another for another seed", () => {
    const draw = (seed: number): string => {
      const pick = weightedPicker(items, seed);
      return Array.from({ length: 40 }, () => pick().name).join("");
    };
    expect(draw(17)).toBe(draw(17));
    expect(draw(17)).not.toBe(draw(18));
  });

  it("draws each item about as often as its weight says", () => {
    const pick = weightedPicker(items, 17);
    const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 100_000; i += 1) {
      const { name } = pick();
      counts[name] = (counts[name] ?? 0) + 1;
    }
    expect(Object.values(counts).map((n) => Math.round(n / 1000))).toEqual([70, 20, 10]);
  });
});

describe("rssTrend", () => {
  it("calls a curve flat once it has stopped rising", () => {
    const settled = [200, 260, 300, 320, 330, 331, 330, 332, 331, 330, 331, 332];
    expect(rssTrend(settled, 1)).toEqual({
      firstQuarterMb: 253.3,
      lastQuarterMb: 331,
      lastHalfSlopeMbPerMin: 10.3,
      flat: true,
    });
  });

  it("calls a curve that keeps climbing to the end growing", () => {
    const climbing = Array.from({ length: 12 }, (_, i) => 300 + 4 * i);
    expect(rssTrend(climbing, 1)).toMatchObject({ lastHalfSlopeMbPerMin: 240, flat: false });
  });
});
