import { describe, expect, it } from "vitest";
import { anchorLabel, candidateAnchors, closestAnswer, compare, side } from "./equal-size";
import { SyntheticGraph } from "./synthetic";

describe("closestAnswer", () => {
  it("picks the candidate whose answer names as many entities, the most linked among equals", () => {
    const measured = [
      { id: "d0", ids: 120 },
      { id: "d1", ids: 40 },
      { id: "d2", ids: 38 },
      { id: "d3", ids: 40 },
    ];
    expect(closestAnswer(40, measured)?.id).toBe("d1");
    expect(closestAnswer(37, measured)?.id).toBe("d2");
    expect(closestAnswer(500, measured)?.id).toBe("d0");
    expect(closestAnswer(40, [])).toBeUndefined();
  });
});

describe("candidateAnchors", () => {
  const { hub } = new SyntheticGraph(10_000).anchors();

  it("varies the district of entity-2-levels over all 23, the hub first", () => {
    const candidates = candidateAnchors(10_000, hub, "entity-2-levels");
    expect(candidates).toHaveLength(23);
    expect(candidates[0]).toEqual(hub);
    expect(candidates.map((a) => a.districtId).at(-1)).toBe("syn-district-22");
  });

  it("varies a path's far end and keeps its start", () => {
    const labels = candidateAnchors(10_000, hub, "paths").map((a) => anchorLabel("paths", a));
    expect(labels.slice(0, 2)).toEqual([
      "syn-university-0>syn-district-0",
      "syn-university-0>syn-district-1",
    ]);
  });

  it("offers nothing for operations not anchored on an id", () => {
    expect([
      candidateAnchors(10_000, hub, "search"),
      candidateAnchors(10_000, hub, "list-page"),
    ]).toEqual([[], []]);
  });
});

describe("compare", () => {
  it("gives the p99 ratio and the time per answer entity of both sides", () => {
    const row = compare(
      "neighborhood-2",
      "hub",
      side(10_000, "syn-district-0", { answer_ids: 200, p50_ms: 4, p99_ms: 10 }),
      side(1_000_000, "syn-district-3", { answer_ids: 200, p50_ms: 5, p99_ms: 13 }),
    );
    expect(row).toMatchObject({
      equal: true,
      p99_ratio: 1.3,
      small: { p99_us_per_entity: 50 },
      large: { p99_us_per_entity: 65 },
    });
  });
});
