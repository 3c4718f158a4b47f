import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { normalizeDocumentText } from "./normalize";

const SEEDS = path.resolve(__dirname, "../../../seeds");

describe("normalizeDocumentText", () => {
  it("removes a leading byte order mark", () => {
    expect(normalizeDocumentText("\uFEFF第一条")).toBe("第一条");
  });

  it("composes decomposed characters (NFC)", () => {
    // e + combining acute, as some PDF producers and macOS file names write it.
    expect(normalizeDocumentText("Caf\u0065\u0301 成都")).toBe("Caf\u00e9 成都");
  });

  it("maps a CJK compatibility ideograph to its unified form, as NFC requires", () => {
    expect(normalizeDocumentText("\uf900")).toBe("\u8c48");
  });

  it("turns CR LF and lone CR into LF", () => {
    expect(normalizeDocumentText("甲\r\n乙\r丙")).toBe("甲\n乙\n丙");
  });

  it("turns the other Unicode line and paragraph separators into LF", () => {
    expect(normalizeDocumentText("甲\u2028乙\u2029丙\u0085丁\u000c戊\u000b己")).toBe(
      "甲\n乙\n丙\n丁\n戊\n己",
    );
  });

  it("removes spaces, tabs, no-break and ideographic spaces at line ends", () => {
    expect(normalizeDocumentText("甲 \t\n乙\u00a0\u3000\n丙")).toBe("甲\n乙\n丙");
  });

  it("keeps spaces inside lines and an ideographic indent at a line's start", () => {
    expect(normalizeDocumentText("标题\n\u3000\u3000第一条 ABC 2015")).toBe(
      "标题\n\u3000\u3000第一条 ABC 2015",
    );
  });

  it("keeps at most one blank line in a row, counting lines of only whitespace as blank", () => {
    expect(normalizeDocumentText("甲\n\n\n\n乙\n \n\u3000\n\n丙")).toBe("甲\n\n乙\n\n丙");
  });

  it("trims whitespace and blank lines at both ends", () => {
    expect(normalizeDocumentText("\n\n  \u3000甲\n乙  \n\n\n")).toBe("甲\n乙");
  });

  it("keeps full-width punctuation as it is", () => {
    const text = "第一条：“双创”《意见》（试行），一、二；完成。！？";
    expect(normalizeDocumentText(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = normalizeDocumentText("\uFEFF甲 \r\n\r\n\r\n乙\u2028");
    expect(normalizeDocumentText(once)).toBe(once);
  });

  it("takes linear time over a long run of spaces inside a line", () => {
    const started = performance.now();
    normalizeDocumentText(`甲${" ".repeat(200_000)}乙`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("leaves the seed document byte for byte as it is, so the seeds' quote offsets hold", async () => {
    const documents = JSON.parse(await readFile(path.join(SEEDS, "documents.json"), "utf8")) as {
      file: string;
    }[];
    expect(documents.length).toBeGreaterThan(0);
    for (const { file } of documents) {
      const text = await readFile(path.join(SEEDS, "documents", file), "utf8");
      expect(normalizeDocumentText(text)).toBe(text);
    }
  });
});
