import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  GB18030_TEXT,
  LONG_PDF_TITLE,
  buildDocx,
  buildLongPdf,
  buildPdf,
  buildScannedPdf,
  encodeGb18030,
} from "../../../test/fixtures/documents/build";
import { normalizeDocumentText } from "./normalize";
import { readDocument } from "./read-document";
import { DocumentRefused, type RefusalCode } from "./refused";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** The refusal `work` ends with, or a failure saying it was not refused. */
async function refusal(work: Promise<unknown>): Promise<DocumentRefused> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DocumentRefused)) {
    throw new Error(`expected a DocumentRefused, got ${String(error)}`);
  }
  return error;
}

async function expectRefused(
  work: Promise<unknown>,
  code: RefusalCode,
  fileName: string,
): Promise<DocumentRefused> {
  const error = await refusal(work);
  expect(error.code).toBe(code);
  expect(error.fileName).toBe(fileName);
  expect(error.message).toContain(fileName);
  return error;
}

describe("readDocument: .txt", () => {
  it("reads UTF-8 and normalises it once, hashing the normalised text", async () => {
    const read = await readDocument(
      utf8("\uFEFF测试文件：第一条 \r\n\r\n\r\n第二条。\r\n"),
      "a.txt",
    );
    expect(read).toEqual({
      format: "txt",
      text: "测试文件：第一条\n\n第二条。",
      pages: null,
      sha256: sha256("测试文件：第一条\n\n第二条。"),
    });
  });

  it("reads GB18030 when the bytes are not UTF-8", async () => {
    const read = await readDocument(encodeGb18030(GB18030_TEXT), "gb.txt");
    expect(read.format).toBe("txt");
    expect(read.text).toBe(
      "测试文件：虚构区甲科技创新办法\n\n第1条（㐀）2015年设立专项资金1亿元。",
    );
  });

  it("reads the seed document to its recorded checksum", async () => {
    const seeds = path.resolve(__dirname, "../../../seeds");
    const [record] = JSON.parse(await readFile(path.join(seeds, "documents.json"), "utf8")) as {
      file: string;
      sha256: string;
    }[];
    if (record === undefined) throw new Error("seeds/documents.json lists no document");
    const bytes = await readFile(path.join(seeds, "documents", record.file));
    const read = await readDocument(bytes, record.file);
    expect(read.sha256).toBe(record.sha256);
    expect(read.text).toBe(bytes.toString("utf8"));
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", async () => {
    // 0xFF is a lead byte in neither encoding; 0x80 starts no UTF-8 sequence.
    await expectRefused(
      readDocument(Uint8Array.of(0x41, 0xff, 0x80, 0x42), "bad.txt"),
      "UNREADABLE",
      "bad.txt",
    );
  });

  it("refuses a binary file named .txt (NUL bytes)", async () => {
    await expectRefused(
      readDocument(Uint8Array.of(0x41, 0x00, 0x42), "bin.txt"),
      "UNREADABLE",
      "bin.txt",
    );
  });

  it("refuses a file of only whitespace as EMPTY", async () => {
    await expectRefused(readDocument(utf8(" \r\n\u3000\n"), "blank.txt"), "EMPTY", "blank.txt");
  });
});

describe("readDocument: .docx", () => {
  it("gives one line per paragraph, runs joined, empty paragraphs as blank lines", async () => {
    const bytes = await buildDocx([
      "测试文件：虚构区甲科技创新办法",
      "",
      ["第一条　", "测试区甲", "牵头建设协同创新中心。"],
      "第二条 安排专项资金10亿元。",
      "",
      "",
      "第三条：“双创”《意见》（试行）。",
    ]);
    const read = await readDocument(bytes, "policy.docx");
    expect(read).toEqual({
      format: "docx",
      text:
        "测试文件：虚构区甲科技创新办法\n\n第一条　测试区甲牵头建设协同创新中心。\n" +
        "第二条 安排专项资金10亿元。\n\n第三条：“双创”《意见》（试行）。",
      pages: null,
      sha256: sha256(
        "测试文件：虚构区甲科技创新办法\n\n第一条　测试区甲牵头建设协同创新中心。\n" +
          "第二条 安排专项资金10亿元。\n\n第三条：“双创”《意见》（试行）。",
      ),
    });
  });

  it("refuses a Word document without text as EMPTY", async () => {
    await expectRefused(
      readDocument(await buildDocx(["", ""]), "blank.docx"),
      "EMPTY",
      "blank.docx",
    );
  });

  it("refuses a damaged Word document as UNREADABLE", async () => {
    const bytes = await buildDocx(["测试"]);
    // Cut after the main part's name: still a zip naming word/document.xml, but without its
    // central directory.
    const cut = bytes.slice(0, Buffer.from(bytes).indexOf("word/document") + 100);
    await expectRefused(readDocument(cut, "cut.docx"), "UNREADABLE", "cut.docx");
  });
});

describe("readDocument: .pdf", () => {
  it("reads a Chinese text layer: lines per line, pages separated by a line break", async () => {
    const bytes = buildPdf([
      ["测试文件：虚构区甲科技创新办法", "第一条：2015年，测试区甲牵头建设“协同创新中心”。"],
      ["第二条 UESTC 与《意见》、（试行）；完成！"],
    ]);
    const read = await readDocument(bytes, "policy.pdf");
    expect(read).toEqual({
      format: "pdf",
      text:
        "测试文件：虚构区甲科技创新办法\n第一条：2015年，测试区甲牵头建设“协同创新中心”。\n" +
        "第二条 UESTC 与《意见》、（试行）；完成！",
      pages: 2,
      sha256: sha256(
        "测试文件：虚构区甲科技创新办法\n第一条：2015年，测试区甲牵头建设“协同创新中心”。\n" +
          "第二条 UESTC 与《意见》、（试行）；完成！",
      ),
    });
  });

  it("joins Chinese characters a space apart in the PDF without the space", async () => {
    const read = await readDocument(buildPdf([["测试区 甲 ABC DEF"]]), "spaced.pdf");
    expect(read.text).toBe("测试区甲 ABC DEF");
  });

  it("reads all 100 pages of the long fixture back exactly", async () => {
    const { bytes, pages } = buildLongPdf(100);
    const read = await readDocument(bytes, "long.pdf");
    expect(read.pages).toBe(100);
    expect(read.text.startsWith(LONG_PDF_TITLE + "\n")).toBe(true);
    expect(read.text).toBe(
      normalizeDocumentText(pages.map((lines) => lines.join("\n")).join("\n")),
    );
    expect(read.text.split("\n")).toHaveLength(100 * 36);
  });

  it("leaves the caller's bytes as they were (pdf.js takes over the array it is given)", async () => {
    const bytes = buildPdf([["测试"]]);
    const copy = bytes.slice();
    await readDocument(bytes, "a.pdf");
    expect(bytes).toEqual(copy);
  });

  it("reads a PDF handed over as a Node Buffer", async () => {
    const read = await readDocument(Buffer.from(buildPdf([["测试文件"]])), "buffer.pdf");
    expect(read.text).toBe("测试文件");
  });

  it("refuses a scanned PDF (pages without text) with NO_TEXT_LAYER", async () => {
    const error = await expectRefused(
      readDocument(buildScannedPdf(), "scan.pdf"),
      "NO_TEXT_LAYER",
      "scan.pdf",
    );
    expect(error.message).toBe(
      "no text layer: scan.pdf is a scanned PDF (2 pages of images or drawings, no text); run OCR first",
    );
  });

  it("refuses a damaged PDF as UNREADABLE", async () => {
    await expectRefused(
      readDocument(utf8("%PDF-1.7\nnothing else"), "broken.pdf"),
      "UNREADABLE",
      "broken.pdf",
    );
  });
});

describe("readDocument: refusals before reading", () => {
  it("refuses an empty file", async () => {
    await expectRefused(readDocument(new Uint8Array(0), "empty.pdf"), "EMPTY", "empty.pdf");
  });

  it("refuses a file over the limit, which is configurable", async () => {
    const bytes = utf8("测试文件".repeat(100));
    const error = await expectRefused(
      readDocument(bytes, "big.txt", { maxBytes: 1024 }),
      "TOO_LARGE",
      "big.txt",
    );
    expect(error.message).toBe("big.txt is 1,200 bytes, over the limit of 1,024 bytes");
    await expect(readDocument(bytes, "big.txt", { maxBytes: 1200 })).resolves.toMatchObject({
      format: "txt",
    });
  });

  it("refuses a Word document named .pdf, saying what it is", async () => {
    const error = await expectRefused(
      readDocument(await buildDocx(["测试"]), "report.pdf"),
      "UNSUPPORTED_FORMAT",
      "report.pdf",
    );
    expect(error.message).toBe(
      "report.pdf is named .pdf but is a Word document (.docx); rename it or send the right file",
    );
  });

  it("refuses a zip that is not a Word document, whatever its name", async () => {
    const zip = Uint8Array.from(
      [..."PK\u0003\u0004"].map((c) => c.charCodeAt(0)).concat(new Array<number>(40).fill(0)),
    );
    await expectRefused(readDocument(zip, "archive.pdf"), "UNSUPPORTED_FORMAT", "archive.pdf");
    await expectRefused(readDocument(zip, "archive.docx"), "UNSUPPORTED_FORMAT", "archive.docx");
  });

  it("refuses a PDF named .txt", async () => {
    await expectRefused(
      readDocument(buildPdf([["测试"]]), "notes.txt"),
      "UNSUPPORTED_FORMAT",
      "notes.txt",
    );
  });

  it("refuses a PNG image, named .png or .pdf", async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    const error = await expectRefused(
      readDocument(png, "scan.png"),
      "UNSUPPORTED_FORMAT",
      "scan.png",
    );
    expect(error.message).toBe(
      "scan.png is a PNG image; only .txt, .docx or .pdf documents are read",
    );
    await expectRefused(readDocument(png, "scan.pdf"), "UNSUPPORTED_FORMAT", "scan.pdf");
  });

  it("refuses an unsupported extension over text content", async () => {
    await expectRefused(readDocument(utf8("测试"), "notes.md"), "UNSUPPORTED_FORMAT", "notes.md");
  });

  it("refuses text named .pdf or .docx as UNREADABLE", async () => {
    await expectRefused(readDocument(utf8("测试"), "a.pdf"), "UNREADABLE", "a.pdf");
    await expectRefused(readDocument(utf8("测试"), "a.docx"), "UNREADABLE", "a.docx");
  });

  it("decides by content when the name has no extension, and ignores the extension's case", async () => {
    await expect(readDocument(buildPdf([["测试"]]), "download")).resolves.toMatchObject({
      format: "pdf",
    });
    await expect(readDocument(await buildDocx(["测试"]), "REPORT.DOCX")).resolves.toMatchObject({
      format: "docx",
    });
    await expect(readDocument(utf8("测试"), "README")).resolves.toMatchObject({ format: "txt" });
  });
});
