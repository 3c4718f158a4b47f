/**
 * A stored value written as JSON without losing its Neo4j type, for logical backups: a restored
 * integer must stay an integer and a datetime a datetime, where the plain values the service reads
 * (db/values.ts toPlain) turn both into what a response needs. Strings, booleans, floats and lists
 * are themselves; the rest are tagged objects. db/typed-values.ts converts to and from the driver.
 */
export type TypedValue =
  | string
  | number
  | boolean
  | null
  | TypedValue[]
  | { readonly $int: string }
  | { readonly $datetime: string }
  | { readonly $date: string }
  | { readonly $localdatetime: string };

export type TypedProps = Record<string, TypedValue>;

/**
 * The plain value the service would read for a typed one (db/values.ts toPlain): an integer as a
 * number, a temporal as its ISO text. The checksum of a backup's content is computed on these, as
 * the checksum of a live database is.
 */
export function plainOf(value: TypedValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(plainOf);
  if ("$int" in value) return Number(value.$int);
  if ("$datetime" in value) return value.$datetime;
  if ("$date" in value) return value.$date;
  return value.$localdatetime;
}

/** Whether a parsed JSON value is a TypedValue (every tag well formed). */
export function isTypedValue(value: unknown): value is TypedValue {
  if (value === null || ["string", "boolean"].includes(typeof value)) return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isTypedValue);
  if (typeof value !== "object") return false;
  const entries = Object.entries(value);
  if (entries.length !== 1) return false;
  const [tag, text] = entries[0] as [string, unknown];
  if (typeof text !== "string") return false;
  if (tag === "$int") return /^-?\d+$/.test(text);
  return tag === "$datetime" || tag === "$date" || tag === "$localdatetime";
}
