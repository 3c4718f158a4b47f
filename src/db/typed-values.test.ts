import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { plainOf } from "../model/typed-value";
import { decodeValue, encodeValue, UnsupportedValueError } from "./typed-values";
import { toPlain } from "./values";

describe("typed values of a backup", () => {
  const at = new neo4j.types.DateTime(2026, 12, 3, 4, 52, 32, 332_000_000, 0);
  const cases: [string, unknown][] = [
    ["an integer", neo4j.int(2961)],
    ["a float", 0.85],
    ["text", "电子科大"],
    ["a list of text", ["a", "b"]],
    ["a datetime in UTC", at],
    ["a datetime with an offset", new neo4j.types.DateTime(2015, 1, 2, 3, 4, 5, 6, 8 * 3600)],
    ["a date", new neo4j.types.Date(2015, 12, 31)],
    ["a local datetime", new neo4j.types.LocalDateTime(2015, 12, 31, 23, 59, 59, 1)],
  ];

  it.each(cases)("keeps %s through JSON, with its type", (_name, value) => {
    const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));
    expect(String(decoded)).toBe(String(value));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.getPrototypeOf(value));
  });

  it("writes an integer and a datetime as tagged text", () => {
    expect(encodeValue(neo4j.int(7))).toEqual({ $int: "7" });
    expect(encodeValue(at)).toEqual({ $datetime: "2026-12-03T04:52:32.332000000Z" });
  });

  it("reads back as the plain value the service reads from the database", () => {
    for (const [, value] of cases) expect(plainOf(encodeValue(value))).toEqual(toPlain(value));
  });

  it("refuses a value the format does not carry", () => {
    expect(() => encodeValue(new neo4j.types.Point(7203, 1, 2))).toThrow(UnsupportedValueError);
  });
});
