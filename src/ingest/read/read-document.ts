import { createHash } from "node:crypto";

import { readDocx } from "./docx";
import { detectFormat, type DocumentFormat } from "./format";
import { normalizeDocumentText } from "./normalize";
import { readPdf } from "./pdf";
import { DocumentRefused } from "./refused";
import { decodeText } from "./text";

/** A document's text as it is stored: normalised once, with the checksum of exactly that text. */
export interface ReadDocument {
  readonly format: DocumentFormat;
  /** Normalised (`normalizeDocumentText`); offsets of quotes and passages index into it. */
  readonly text: string;
  /** A PDF's page count; `null` for formats without pages. */
  readonly pages: number | null;
  /** SHA-256 of `text`'s UTF-8 bytes, lowercase hex. */
  readonly sha256: string;
}

export interface ReadOptions {
  /** Files larger than this are refused before they are parsed; default 50 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const MIB = 1024 * 1024;

const size = (bytes: number): string =>
  bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes.toLocaleString("en")} bytes`;

/**
 * Reads a .txt, .docx or .pdf file into its normalised text. Every file that cannot be read is
 * refused with a `DocumentRefused` whose `code` says why and whose message names the file; nothing
 * else is thrown for bad input.
 * @example const { text, sha256 } = await readDocument(await readFile(file), path.basename(file));
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength === 0) {
    throw new DocumentRefused("EMPTY", fileName, `${fileName} is empty (0 bytes)`);
  }
  if (bytes.byteLength > maxBytes) {
    throw new DocumentRefused(
      "TOO_LARGE",
      fileName,
      `${fileName} is ${size(bytes.byteLength)}, over the limit of ${size(maxBytes)}`,
    );
  }
  const format = detectFormat(bytes, fileName);
  const { raw, pages } = await extract(format, bytes, fileName);
  const text = normalizeDocumentText(raw);
  if (text === "") {
    throw new DocumentRefused("EMPTY", fileName, `${fileName} holds no text`);
  }
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  return { format, text, pages, sha256 };
}

async function extract(
  format: DocumentFormat,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ raw: string; pages: number | null }> {
  switch (format) {
    case "txt":
      return { raw: decodeText(bytes, fileName), pages: null };
    case "docx":
      return { raw: await readDocx(bytes, fileName), pages: null };
    case "pdf": {
      const { text, pages } = await readPdf(bytes, fileName);
      return { raw: text, pages };
    }
  }
}
