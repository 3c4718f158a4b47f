import { describe, expect, it } from "vitest";

import {
  GB18030_CODES,
  GB18030_TEXT,
  LONG_PDF_TITLE,
  buildLongPdf,
  buildPdf,
  buildScannedPdf,
  encodeGb18030,
  fixtureSentence,
} from "../../../test/fixtures/documents/build";

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

/** The object number each cross-reference entry points at, read at its byte offset. */
function objectsAtOffsets(pdf: Uint8Array): { expected: number; found: string }[] {
  const text = latin1(pdf);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = text.slice(startxref);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(table) ?? [];
  const entries = table.split("\n").slice(2, 2 + Number(count));
  return entries.slice(1).map((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    return {
      expected: Number(first) + index + 1,
      found: text.slice(offset, offset + 12).split("\n")[0] ?? "",
    };
  });
}

describe("document fixtures", () => {
  it("write a cross-reference table whose every offset is its object's first byte", () => {
    for (const pdf of [buildPdf([["测试"], ["第二页"]]), buildScannedPdf()]) {
      const entries = objectsAtOffsets(pdf);
      expect(entries.length).toBeGreaterThan(6);
      for (const { expected, found } of entries) expect(found).toBe(`${expected} 0 obj`);
    }
  });

  it("write 20-byte cross-reference entries and point startxref at the table", () => {
    const text = latin1(buildPdf([["测试"]]));
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
    const entries = text.slice(startxref).split("\n").slice(2, 5);
    for (const entry of entries) expect(`${entry}\n`).toHaveLength(20);
  });

  it("encode each GB18030 character to bytes TextDecoder decodes back to it", () => {
    const decoder = new TextDecoder("gb18030", { fatal: true });
    for (const [char, bytes] of Object.entries(GB18030_CODES)) {
      expect(decoder.decode(Uint8Array.from(bytes))).toBe(char);
    }
    expect(decoder.decode(encodeGb18030(GB18030_TEXT))).toBe(GB18030_TEXT);
  });

  it("make a GB18030 file that is not valid UTF-8, so the reader's fallback is what reads it", () => {
    expect(() =>
      new TextDecoder("utf-8", { fatal: true }).decode(encodeGb18030(GB18030_TEXT)),
    ).toThrow();
  });

  it("generate varied fictional sentences", () => {
    const sentences = Array.from({ length: 500 }, (_, n) => fixtureSentence(n));
    expect(new Set(sentences).size).toBe(500);
    expect(
      new Set(sentences.map((sentence) => sentence.replace(/^第\d+条/, ""))).size,
    ).toBeGreaterThan(100);
    expect(sentences.some((sentence) => sentence.includes(" "))).toBe(false);
  });

  it("build a 100-page PDF marked as a fixture, every page different", () => {
    const { pages } = buildLongPdf(100);
    expect(pages).toHaveLength(100);
    expect(pages[0]?.[0]).toBe(LONG_PDF_TITLE);
    expect(LONG_PDF_TITLE.startsWith("测试文件：")).toBe(true);
    expect(new Set(pages.map((lines) => lines.join("\n"))).size).toBe(100);
    expect(pages.every((lines) => lines.length === 36)).toBe(true);
  });

  it("build a scanned PDF with no text operator", () => {
    expect(latin1(buildScannedPdf())).not.toMatch(/\bT[Jj*]\b|\bBT\b/);
  });
});
