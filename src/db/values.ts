import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from "neo4j-driver";
import type { JsonValue } from "../model/plain";

// The plain value type and its readers are pure, so they live in src/model where every layer may
// use them; repositories keep importing them from here, next to toPlain.
export { asList, asObject, asText, asTextOrNull, type JsonValue } from "../model/plain";

/**
 * Converts driver values to plain ones once, at the database boundary: Integers to numbers (they
 * are all counts and offsets here, far below 2^53), temporals to ISO strings, nodes and
 * relationships to their properties plus identity. Lists and maps are the driver's fresh copies,
 * owned by the caller, so they are converted in place: most of a row is maps and lists of
 * strings and numbers, which copying would only reallocate (bench/RESULTS.md, thirteenth session).
 */
export function toPlain(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (Array.isArray(value)) {
    const list = value as unknown[];
    for (let index = 0; index < list.length; index += 1) list[index] = toPlain(list[index]);
    return list as JsonValue[];
  }
  // Maps come back as plain objects: no need to test them against every driver type.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = toPlain(map[key]);
    return map as { [key: string]: JsonValue };
  }
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value)) {
    return { labels: value.labels, ...plainObject(value.properties) };
  }
  if (neo4j.isRelationship(value)) {
    return { type: value.type, ...plainObject(value.properties) };
  }
  if (typeof value === "object") return plainObject(value as Record<string, unknown>);
  return null;
}

function plainObject(object: Record<string, unknown>): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, entry] of Object.entries(object)) out[key] = toPlain(entry);
  return out;
}
