import { describe, expect, it } from "vitest";
import { toBaseUnit } from "./units";

describe("toBaseUnit", () => {
  it("turns 亿元 into yuan", () => {
    expect(toBaseUnit(10, "亿元")).toEqual({ value: 1_000_000_000, unit: "元" });
  });

  it("turns 万亿元 into yuan", () => {
    expect(toBaseUnit(1, "万亿元")).toEqual({ value: 1_000_000_000_000, unit: "元" });
  });

  it("keeps counting units as they are", () => {
    expect(toBaseUnit(26, "个")).toEqual({ value: 26, unit: "个" });
    expect(toBaseUnit(200, "家")).toEqual({ value: 200, unit: "家" });
  });

  it("does not strip a unit that is only a magnitude", () => {
    expect(toBaseUnit(3, "万")).toEqual({ value: 3, unit: "万" });
  });
});
