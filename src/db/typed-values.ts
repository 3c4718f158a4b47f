import neo4j, { isDate, isDateTime, isLocalDateTime } from "neo4j-driver";
import type { TypedValue } from "../model/typed-value";

export type { TypedValue } from "../model/typed-value";

/** A value backups do not carry (points, durations, times, byte arrays): none of the graph's. */
export class UnsupportedValueError extends Error {
  constructor(readonly what: string) {
    super(`a stored value of type ${what} cannot be backed up (the format holds none)`);
    this.name = "UnsupportedValueError";
  }
}

/** A driver value (a property or a list of them) as a TypedValue. */
export function encodeValue(value: unknown): TypedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (isDateTime(value)) return { $datetime: String(value) };
  if (isDate(value)) return { $date: String(value) };
  if (isLocalDateTime(value)) return { $localdatetime: String(value) };
  throw new UnsupportedValueError(
    typeof value === "object" ? (value.constructor.name ?? "object") : typeof value,
  );
}

/** Every property of a map, encoded. */
export function encodeProps(props: Record<string, unknown>): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [key, entry] of Object.entries(props)) out[key] = encodeValue(entry);
  return out;
}

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

/** The driver value a TypedValue stands for; throws on a malformed tag. */
export function decodeValue(value: TypedValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  if ("$int" in value) return neo4j.int(value.$int);
  if ("$date" in value) {
    const [, y, m, d] = match(DATE, value.$date);
    return new neo4j.types.Date(Number(y), Number(m), Number(d));
  }
  const local = "$localdatetime" in value;
  const text = local ? value.$localdatetime : value.$datetime;
  const [, y, mo, d, h, mi, s, fraction, offset, zoneId] = match(DATE_TIME, text);
  const nanos = Number((fraction ?? "").padEnd(9, "0"));
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (local) return new neo4j.types.LocalDateTime(...parts, nanos);
  if (offset === undefined && zoneId === undefined)
    throw new Error(`datetime '${text}' has no zone`);
  return new neo4j.types.DateTime(...parts, nanos, offsetSeconds(offset), zoneId);
}

/** Every property of a map, decoded. */
export function decodeProps(props: Record<string, TypedValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(props)) out[key] = decodeValue(entry);
  return out;
}

function match(pattern: RegExp, text: string): RegExpExecArray {
  const found = pattern.exec(text);
  if (found === null) throw new Error(`malformed temporal value '${text}'`);
  return found;
}

function offsetSeconds(offset: string | undefined): number | undefined {
  if (offset === undefined) return undefined;
  if (offset === "Z") return 0;
  const [h = 0, m = 0, s = 0] = offset.slice(1).split(":").map(Number);
  return (offset.startsWith("-") ? -1 : 1) * (h * 3600 + m * 60 + s);
}
