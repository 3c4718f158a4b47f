/** JsonValue JSON-like values: what every layer above src/db sees. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Readers of plain values, for mapping rows to records without unchecked casts. */
export function asObject(value: JsonValue | undefined): { [key: string]: JsonValue } {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value)
    ? value
    : {};
}

export function asList(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as text; "" for null, lists and objects. */
export function asText(value: JsonValue | undefined): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
}

export function asTextOrNull(value: JsonValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}
