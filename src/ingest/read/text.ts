import { DocumentRefused } from "./refused";

/**
 * UTF-8 (a byte order mark is allowed), else GB18030, which Chinese government offices still save
 * in (its GBK subset is Windows' "ANSI" encoding in mainland China). Both decoders are strict, so a
 * file in neither encoding gives `null` rather than mojibake.
 */
function decodeStrict(bytes: Uint8Array): string | null {
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // Not this encoding: try the next.
    }
  }
  return null;
}

/** A text file's characters, or a refusal saying why they cannot be read. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const text = decodeStrict(bytes);
  if (text === null) {
    throw new DocumentRefused(
      "UNREADABLE",
      fileName,
      `${fileName} is not text in UTF-8 or GB18030; save it as UTF-8 text, .docx or .pdf`,
    );
  }
  // NUL is valid UTF-8 but never in a text document: this is a binary file with a .txt name.
  if (text.includes("\u0000")) {
    throw new DocumentRefused(
      "UNREADABLE",
      fileName,
      `${fileName} holds NUL bytes, so it is a binary file, not text; send the original document`,
    );
  }
  return text;
}
