import path from "node:path";

import { DocumentRefused } from "./refused";

/** The formats a document is read from. */
export const DOCUMENT_FORMATS = ["txt", "docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const SUPPORTED = ".txt, .docx or .pdf";

/** What a file's first bytes say it is; `null` for no known signature (possibly text). */
type Content = DocumentFormat | { readonly other: string } | null;

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** Signatures of formats people send in place of a document, so the refusal can name them. */
const OTHER_SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x89, ...ascii("PNG\r\n\u001a\n")], name: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { bytes: ascii("GIF8"), name: "a GIF image" },
  { bytes: ascii("II*\u0000"), name: "a TIFF image" },
  { bytes: ascii("MM\u0000*"), name: "a TIFF image" },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    name: "an Office 97–2003 file (.doc, .wps, .xls); save it as .docx",
  },
  { bytes: ascii("{\\rtf"), name: "an RTF file; save it as .docx or .txt" },
];
const PDF = ascii("%PDF-");
const ZIP = ascii("PK\u0003\u0004");
// A .docx is a zip whose main part is word/document.xml (Word 365 sometimes writes
// word/document2.xml); zip entry names are stored uncompressed, so the bytes can be searched.
const WORD_PART = Buffer.from("word/document");

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function contentOf(bytes: Uint8Array): Content {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, ZIP)) {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return view.includes(WORD_PART)
      ? "docx"
      : { other: "a zip archive that is not a Word document" };
  }
  const known = OTHER_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  return known === undefined ? null : { other: known.name };
}

function describe(format: DocumentFormat): string {
  return { txt: "a text file", docx: "a Word document (.docx)", pdf: "a PDF" }[format];
}

/**
 * Decides how a file is read: by its first bytes, then by its name's extension. A name that says
 * one format over content of another (a zip called .pdf) is refused rather than guessed at, since
 * either the name or the file is wrong and the sender should know which.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const extension = path.extname(fileName).toLowerCase().replace(/^\./, "");
  const named = DOCUMENT_FORMATS.find((format) => format === extension);
  const content = contentOf(bytes);

  if (content !== null && typeof content === "object") {
    throw new DocumentRefused(
      "UNSUPPORTED_FORMAT",
      fileName,
      `${fileName} is ${content.other}; only ${SUPPORTED} documents are read`,
    );
  }
  if (content !== null) {
    if (extension === "" || named === content) return content;
    throw new DocumentRefused(
      "UNSUPPORTED_FORMAT",
      fileName,
      `${fileName} is named .${extension} but is ${describe(content)}; rename it or send the right file`,
    );
  }
  if (named === "pdf" || named === "docx") {
    throw new DocumentRefused(
      "UNREADABLE",
      fileName,
      `${fileName} is named .${named} but is not ${describe(named)} (its first bytes are not a ${named === "pdf" ? "%PDF- header" : "zip archive"}); the file is damaged or of another kind`,
    );
  }
  if (extension === "" || named === "txt") return "txt";
  throw new DocumentRefused(
    "UNSUPPORTED_FORMAT",
    fileName,
    `${fileName}: .${extension} files are not read; send ${SUPPORTED}`,
  );
}
