import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compact, cypher, QUERY_NAMES, statements, TYPED_QUERY_NAMES } from "./cypher";

describe("the Cypher registry", () => {
  it("has exactly one file in cypher/ for every query name, and no file without a name", () => {
    const files = readdirSync(path.resolve(__dirname, "../../cypher"))
      .filter((file) => file.endsWith(".cypher"))
      .map((file) => file.replace(/\.cypher$/, ""))
      .filter((name) => name !== "schema")
      .sort();
    expect(files).toEqual([...QUERY_NAMES, ...TYPED_QUERY_NAMES].sort());
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
