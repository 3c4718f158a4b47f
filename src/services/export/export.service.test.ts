import { describe, expect, it } from "vitest";
import { floatConfidence } from "./export.service";

describe("floatConfidence", () => {
  it("writes an integral confidence as seeds/ does, and leaves other numbers alone", () => {
    const json =
      '[\n  {\n    "confidence": 1,\n    "start": 12\n  },\n  { "x": 2 },\n  {\n    "confidence": 0.85\n  }\n]\n';
    expect(floatConfidence(json)).toBe(
      '[\n  {\n    "confidence": 1.0,\n    "start": 12\n  },\n  { "x": 2 },\n  {\n    "confidence": 0.85\n  }\n]\n',
    );
  });
});
