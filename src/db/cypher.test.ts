import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cypher, QUERY_NAMES, statements } from "./cypher";

describe("the Cypher registry", () => {
  it("has exactly one file in cypher/ for every query name, and no file without a name", () => {
    const files = readdirSync(path.resolve(__dirname, "../../cypher"))
      .filter((file) => file.endsWith(".cypher"))
      .map((file) => file.replace(/\.cypher$/, ""))
      .filter((name) => name !== "schema")
      .sort();
    expect(files).toEqual([...QUERY_NAMES].sort());
  });

  it("loads every named query as parameterised text", () => {
    for (const name of QUERY_NAMES) expect(cypher(name).length).toBeGreaterThan(5);
  });

  it("splits schema.cypher into statements without its comments", () => {
    const list = statements(cypher("schema"));
    expect(list.length).toBeGreaterThanOrEqual(7);
    for (const statement of list)
      expect(statement).toMatch(/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS/);
  });
});
