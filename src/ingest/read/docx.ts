import mammoth from "mammoth";

import { DocumentRefused, reasonOf } from "./refused";

/**
 * A Word document's text, one line per paragraph (table cells are paragraphs too); an empty
 * paragraph is an empty line. mammoth ends every paragraph with "\n\n" and writes no other line
 * break (it drops soft breaks, `<w:br/>`), so halving those gives exactly one line per paragraph.
 */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return value.replaceAll("\n\n", "\n");
  } catch (cause) {
    throw new DocumentRefused(
      "UNREADABLE",
      fileName,
      `${fileName} could not be read as a Word document (${reasonOf(cause)}); open and save it again in Word, or send a PDF`,
      { cause },
    );
  }
}
