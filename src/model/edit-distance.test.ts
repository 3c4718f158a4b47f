import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";

describe("editDistance", () => {
  it.each([
    ["双流区", "双流县", 1],
    ["电子科大", "电子科技大学", 2],
    ["", "abc", 3],
    ["uestc", "uestc", 0],
    ["kitten", "sitting", 3],
    ["🚀a", "a", 1],
  ])("from %s to %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
