import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RELATION_TYPES } from "../model/vocabulary";

describe("cypher/schema.cypher", () => {
  it("indexes the own properties of every relationship type of the vocabulary, and no other", () => {
    const schema = readFileSync(path.resolve(__dirname, "../../cypher/schema.cypher"), "utf8");
    const index =
      /CREATE FULLTEXT INDEX relation_props_2 IF NOT EXISTS\s+FOR \(\)-\[r:([A-Z_|]+)\]-\(\)/.exec(
        schema,
      );
    expect(index?.[1]?.split("|")).toEqual([...RELATION_TYPES]);
  });
});
