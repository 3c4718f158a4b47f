/**
 * Cell contents to text. Spreadsheets hold numbers, dates, rich text, hyperlinks and formulas where
 * the chain map wants text; a cell holding a spreadsheet error (#N/A) is reported, not read as a
 * name.
 */

/** What a cell reads as: text (null when empty) or the spreadsheet error it holds. */
export type CellRead = { readonly text: string | null } | { readonly error: string };

/** Trimmed and NFKC-normalised (full-width letters, digits and punctuation folded); "" is null. */
export function cleanText(value: string): string | null {
  const text = value.normalize("NFKC").trim();
  return text.length === 0 ? null : text;
}

/** A multi-valued cell's values: split on ; ； or newlines, blanks dropped, repeats dropped. */
export function splitValues(text: string | null): string[] {
  if (text === null) return [];
  const parts = text.split(/[;；\r\n]+/u).map((part) => part.trim());
  return [...new Set(parts.filter((part) => part.length > 0))];
}

/** A date as written in a chain map: its calendar day. exceljs reads date cells as UTC midnight. */
export function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Rich text (runs of differently formatted text) is its runs joined. */
function richText(value: Record<string, unknown>): string | undefined {
  const runs = value.richText;
  if (!Array.isArray(runs)) return undefined;
  return runs
    .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
    .join("");
}

/**
 * What an exceljs cell value reads as. A hyperlink cell is its link when the column wants a
 * location (url_or_file), its shown text otherwise; a formula is its cached result.
 */
export function readCell(value: unknown, wantLink = false): CellRead {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === "string") return { text: cleanText(value) };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value) };
  if (value instanceof Date) return { text: dateText(value) };
  if (!isRecord(value)) return { text: null };
  if (typeof value.error === "string") return { error: value.error };
  if (typeof value.hyperlink === "string") {
    if (wantLink) return { text: cleanText(value.hyperlink) };
    return readCell(value.text);
  }
  const rich = richText(value);
  if (rich !== undefined) return { text: cleanText(rich) };
  if ("formula" in value || "sharedFormula" in value) return readCell(value.result, wantLink);
  return { text: null };
}
