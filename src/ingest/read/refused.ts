/** Why a file cannot become a document's text. */
export const REFUSAL_CODES = [
  /** Not a .txt, .docx or .pdf, or its content is another format than its name says. */
  "UNSUPPORTED_FORMAT",
  /** A PDF with pages but no text on any of them: a scan, which needs OCR first. */
  "NO_TEXT_LAYER",
  /** Damaged, encrypted, or text in neither UTF-8 nor GB18030. */
  "UNREADABLE",
  /** No bytes, or nothing but whitespace once read. */
  "EMPTY",
  /** Larger than the configured limit (`maxBytes`). */
  "TOO_LARGE",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A file refused before anything is written. The message names the file and says what to do, so
 * it can go to the person who sent the file as it is (the API answers it as BAD_USER_INPUT).
 */
export class DocumentRefused extends Error {
  readonly code: RefusalCode;
  readonly fileName: string;

  constructor(code: RefusalCode, fileName: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DocumentRefused";
    this.code = code;
    this.fileName = fileName;
  }
}

/** A library error's message, for a refusal that says what went wrong underneath. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
