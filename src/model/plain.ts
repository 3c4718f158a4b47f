/** Plain JSON-like values: what every layer above src/db sees. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Readers of plain values, for mapping rows to records without unchecked casts. */
export function asObject(value: Plain | undefined): { [key: string]: Plain } {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value)
    ? value
    : {};
}

export function asList(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as text; "" for null, lists and objects. */
export function asText(value: Plain | undefined): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
}

export function asTextOrNull(value: Plain | undefined): string | null {
  return typeof value === "string" ? value : null;
}
