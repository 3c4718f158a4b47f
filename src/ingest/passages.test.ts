import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { passageAt, splitPassages } from "./passages";

const SEED = readFileSync(
  path.resolve(__dirname, "../../seeds/documents/000_257febe6d92f7e6f.txt"),
  "utf8",
);
const BOILERPLATE =
  "以校院地协同创新为重点牵引全市科技创新工作系统推进、加快实施,是市委《关于实施创新驱动发展战略加快创新型城市建设的意见》。";

describe("splitPassages", () => {
  it("splits at sentence ends and line breaks, keeping the mark and exact offsets", () => {
    const text = "  甲乙。丙丁！\n戊？己;庚\r\n\n辛";
    expect(splitPassages(text)).toEqual([
      { start: 2, end: 5, text: "甲乙。", repeatOf: null },
      { start: 5, end: 8, text: "丙丁！", repeatOf: null },
      { start: 9, end: 11, text: "戊？", repeatOf: null },
      { start: 11, end: 13, text: "己;", repeatOf: null },
      { start: 13, end: 14, text: "庚", repeatOf: null },
      { start: 17, end: 18, text: "辛", repeatOf: null },
    ]);
  });

  it("keeps a closing quote with its sentence and does not split 3.5 or x!y", () => {
    const texts = splitPassages("他说：“好。”增长3.5倍;x!y。").map((p) => p.text);
    expect(texts).toEqual(["他说：“好。”", "增长3.5倍;x!y。"]);
  });

  it("points every later copy of a repeated sentence at its first copy", () => {
    const passages = splitPassages("甲。乙\n甲。丙。甲。");
    expect(passages.map((p) => [p.text, p.repeatOf])).toEqual([
      ["甲。", null],
      ["乙", null],
      ["甲。", 0],
      ["丙。", null],
      ["甲。", 0],
    ]);
  });

  it("finds the seed document's boilerplate sentence: 14 copies, 13 of them repeats", () => {
    const passages = splitPassages(SEED);
    const copies = passages.filter((p) => p.text === BOILERPLATE);
    const first = copies[0];
    expect(copies).toHaveLength(14);
    expect(first?.repeatOf).toBeNull();
    expect(copies.slice(1).every((p) => p.repeatOf === first?.start)).toBe(true);
    // One other sentence (全面推进“企业能力提升工程、…”等六大科技创新工程…) recurs once, after a ";".
    const others = passages.filter((p) => p.repeatOf !== null && p.text !== BOILERPLATE);
    expect(
      others.map((p) => SEED.slice(p.repeatOf ?? 0, p.end - p.start + (p.repeatOf ?? 0))),
    ).toEqual(others.map((p) => p.text));
    expect(others.map((p) => p.text.slice(0, 14))).toEqual(["全面推进“企业能力提升工程、"]);
  });

  it("gives exact, trimmed, non-empty, ordered passages for the whole seed document", () => {
    const passages = splitPassages(SEED);
    expect(passages).toHaveLength(141);
    for (const [index, p] of passages.entries()) {
      expect(SEED.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toBe(p.text.trim());
      expect(p.text).not.toBe("");
      expect(p.text).not.toContain("\n");
      expect(p.start).toBeGreaterThanOrEqual(passages[index - 1]?.end ?? 0);
    }
    // Nothing but whitespace lies between passages.
    let outside = "";
    let at = 0;
    for (const p of passages) {
      outside += SEED.slice(at, p.start);
      at = p.end;
    }
    outside += SEED.slice(at);
    expect(outside.trim()).toBe("");
  });
});

describe("passageAt", () => {
  it("finds the passage holding an offset, and none between passages", () => {
    const passages = splitPassages("甲乙。\n丙丁。");
    expect(passageAt(passages, 1)?.text).toBe("甲乙。");
    expect(passageAt(passages, 5)?.text).toBe("丙丁。");
    expect(passageAt(passages, 3)).toBeUndefined();
  });
});
