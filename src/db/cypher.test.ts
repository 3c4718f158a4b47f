import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compact,
  cypher,
  expandTypeBlocks,
  HOPS_QUERY_NAMES,
  includeParts,
  QUERY_NAMES,
  statements,
  TYPED_QUERY_NAMES,
} from "./cypher";
import { RELATION_TYPES } from "../model/vocabulary";

describe("the Cypher registry", () => {
  it("has exactly one file in cypher/ for every query name, and no file without a name", () => {
    const files = readdirSync(path.resolve(__dirname, "../../cypher"))
      .filter((file) => file.endsWith(".cypher"))
      .map((file) => file.replace(/\.cypher$/, ""))
      .filter((name) => name !== "schema")
      .sort();
    expect(files).toEqual([...QUERY_NAMES, ...TYPED_QUERY_NAMES, ...HOPS_QUERY_NAMES].sort());
  });

  it("puts a vocabulary relationship type in place of __TYPE__ in a typed query", () => {
    for (const query of TYPED_QUERY_NAMES) {
      const text = cypher({ query, type: "CO_BUILT" });
      expect(text).toContain(":CO_BUILT");
      expect(text).not.toContain("__TYPE__");
    }
  });

  it("refuses a typed query for a type outside the vocabulary, so no caller's text reaches Cypher", () => {
    expect(() =>
      cypher({ query: "relations-by-type", type: "CO_BUILT]->() DETACH DELETE (" }),
    ).toThrow(/unknown relationship type/);
    expect(() => cypher({ query: "relations-by-type", type: "NAMES" })).toThrow(
      /unknown relationship type/,
    );
  });

  it("writes a //#each-type block out once per type, joined by the text after the marker", () => {
    const text = [
      "MATCH (f)",
      "//#each-type",
      "CALL (f) { MATCH (f)-[r:__TYPE__]->() RETURN count(r) AS n___TYPE__ }",
      "//#end-each-type",
      "RETURN",
      "//#each-type +",
      "n___TYPE__",
      "//#end-each-type",
      "AS total",
    ].join("\n");
    expect(expandTypeBlocks(text, ["A", "B_C"])).toBe(
      [
        "MATCH (f)",
        "CALL (f) { MATCH (f)-[r:A]->() RETURN count(r) AS n_A }",
        "CALL (f) { MATCH (f)-[r:B_C]->() RETURN count(r) AS n_B_C }",
        "RETURN",
        "n_A + n_B_C",
        "AS total",
      ].join("\n"),
    );
    expect(() => expandTypeBlocks("//#each-type\nMATCH (n)", ["A"])).toThrow(/without/);
    expect(() => expandTypeBlocks("//#end-each-type", ["A"])).toThrow(/without/);
    expect(() => expandTypeBlocks("//#each-type\n//#each-type", ["A"])).toThrow(/nested/);
  });

  it("puts a part of cypher/parts in place of each //#include line", () => {
    const parts: Record<string, string> = { "links-of-key": "CALL (n) {\n  RETURN 1 AS one\n}" };
    const read = (name: string): string => parts[name] ?? "";
    expect(includeParts("MATCH (n)\n//#include links-of-key\nRETURN one", read)).toBe(
      "MATCH (n)\nCALL (n) {\n  RETURN 1 AS one\n}\nRETURN one",
    );
    for (const name of QUERY_NAMES) expect(cypher(name)).not.toContain("#include");
    for (const query of TYPED_QUERY_NAMES)
      expect(cypher({ query, type: "CO_BUILT" })).not.toContain("#include");
  });

  it("names every vocabulary type in the hubs' queries, and nothing else in place of __TYPE__", () => {
    for (const name of ["neighborhood-hubs", "relations-of-hubs"] as const) {
      const text = cypher(name);
      expect(text).not.toContain("__TYPE__");
      expect(text).not.toContain("#each-type");
      for (const type of RELATION_TYPES) {
        expect(text).toContain(`USING INDEX SEEK r:${type}(outKey)`);
        expect(text).toContain(`USING INDEX SEEK r:${type}(inKey)`);
      }
    }
  });

  it("writes a hop bound from 1 to 6 in place of __HOPS__, and refuses any other", () => {
    for (const hops of [1, 6]) {
      const text = cypher({ query: "shortest-paths", hops });
      expect(text).toContain(`[*..${hops}]`);
      expect(text).not.toContain("__HOPS__");
    }
    for (const hops of [0, 7, 2.5, Number.NaN])
      expect(() => cypher({ query: "shortest-paths", hops })).toThrow(/hop bound/);
  });

  it("loads every named query as parameterised text", () => {
    for (const name of QUERY_NAMES) expect(cypher(name).length).toBeGreaterThan(5);
  });

  it("sends a query without its comment lines, indentation and blank lines", () => {
    expect(compact("// why\nMATCH (n)\n\n  // more\n  WHERE n.url = 'http://x'\nRETURN n\n")).toBe(
      "MATCH (n)\nWHERE n.url = 'http://x'\nRETURN n",
    );
    for (const name of QUERY_NAMES) expect(cypher(name)).not.toMatch(/^\s*\/\//m);
  });

  it("splits schema.cypher into statements without its comments", () => {
    const list = statements(cypher("schema"));
    expect(list.length).toBeGreaterThanOrEqual(7);
    for (const statement of list)
      expect(statement).toMatch(/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS/);
  });
});
