import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compact,
  cypher,
  expandTypeBlocks,
  expandQuery,
  HOPS_QUERY_NAMES,
  LIST_QUERY_NAMES,
  QUERY_NAMES,
  statements,
  TYPED_QUERY_NAMES,
  type Fill,
  type ListFilterText,
  type ListPageText,
  type TypedQueryName,
} from "./cypher";
import { FIRST_PAGE as PAGE, FULL_PAGE, NO_FILTER } from "../../test/fixtures/list-texts";
import { RELATION_TYPES } from "../model/vocabulary";

/** Link shapes and reads for the typed queries' texts. */
const WHOLE = { brief: false, names: false, bare: false } as const;
const NAMES_BARE = { brief: true, names: true, bare: true } as const;
const OUT = { ...WHOLE, direction: "OUT" } as const;
/** A typed query's ref for CO_BUILT OUT, with the first page of a list for a list one. */
function typedRef(query: TypedQueryName): Parameters<typeof cypher>[0] {
  return query.startsWith("list-")
    ? { query, type: "CO_BUILT", links: OUT, list: PAGE }
    : { query, type: "CO_BUILT", links: OUT };
}

describe("the Cypher registry", () => {
  it("has exactly one file in cypher/ for every query name, and no file without a name", () => {
    const files = readdirSync(path.resolve(__dirname, "../../cypher"))
      .filter((file) => file.endsWith(".cypher"))
      .map((file) => file.replace(/\.cypher$/, ""))
      .filter((name) => name !== "schema")
      .sort();
    expect(files).toEqual(
      [...QUERY_NAMES, ...TYPED_QUERY_NAMES, ...LIST_QUERY_NAMES, ...HOPS_QUERY_NAMES].sort(),
    );
  });

  it("puts a vocabulary relationship type in place of __TYPE__ in a typed query", () => {
    for (const query of TYPED_QUERY_NAMES) {
      const text = cypher(typedRef(query));
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

  it("writes a //#each-ahead block out once per read-ahead step, in order, and not at all without one", () => {
    const text = [
      "MATCH (m)",
      "//#each-ahead",
      "UNION ALL",
      "WITH m, key.next[__AHEAD_INDEX__] AS next WHERE m.kind = '__AHEAD_KIND__'",
      "MATCH (m)__AHEAD_LEFT__-[r:__AHEAD_TYPE__]-__AHEAD_RIGHT__(o)",
      "RETURN r __AHEAD_LINK__, o __AHEAD_ENTITY__",
      "//#end-each-ahead",
      "RETURN o",
    ].join("\n");
    const ahead = [
      { kind: "ResearchInstitute", type: "AFFILIATED_WITH", direction: "OUT", ...NAMES_BARE },
      { kind: "University", type: "CO_BUILT", direction: "IN", ...WHOLE },
    ] as const;
    const parts = {
      "entity-projection": "//#uses\n{.id, .name}",
      "link-projection": "//#uses\n{.*}",
    };
    expect(expandQuery("q.cypher", text, parts, { ahead })).toBe(
      [
        "MATCH (m)",
        "UNION ALL",
        "WITH m, key.next[0] AS next WHERE m.kind = 'ResearchInstitute'",
        "MATCH (m)-[r:AFFILIATED_WITH]->(o)",
        "RETURN r {.id}, o {.id, .name, brief: true, names: true}",
        "UNION ALL",
        "WITH m, key.next[1] AS next WHERE m.kind = 'University'",
        "MATCH (m)<-[r:CO_BUILT]-(o)",
        "RETURN r {.*}, o {.id, .name}",
        "RETURN o",
      ].join("\n"),
    );
    expect(expandQuery("q.cypher", text, {})).toBe("MATCH (m)\nRETURN o");
    expect(() => expandQuery("q.cypher", "//#each-ahead\nMATCH (n)", {})).toThrow(/without/);
    expect(() => expandQuery("q.cypher", "//#end-each-ahead x", {})).toThrow(/takes nothing/);
  });

  it("writes a //#with-ahead block only with read-ahead steps and a //#without-ahead block only without, steps joined by their separator", () => {
    const text = [
      "MATCH (m)",
      "//#with-ahead",
      "CALL (m) {",
      "//#each-ahead UNION ALL",
      "RETURN __AHEAD_INDEX__ AS step",
      "//#end-each-ahead",
      "}",
      "//#end-with-ahead",
      "//#without-ahead",
      "WITH m, [] AS nested",
      "//#end-without-ahead",
      "RETURN m",
    ].join("\n");
    const step = { kind: "University", type: "CO_BUILT", direction: "IN", ...WHOLE } as const;
    expect(expandQuery("q.cypher", text, {}, { ahead: [step, step] })).toBe(
      "MATCH (m)\nCALL (m) {\nRETURN 0 AS step UNION ALL RETURN 1 AS step\n}\nRETURN m",
    );
    expect(expandQuery("q.cypher", text, {})).toBe("MATCH (m)\nWITH m, [] AS nested\nRETURN m");
    expect(() => expandQuery("q.cypher", "//#with-ahead\nMATCH (n)", {})).toThrow(/without/);
    expect(() => expandQuery("q.cypher", "//#end-without-ahead x", {})).toThrow(/takes nothing/);
  });

  it("writes a list query for the list asked: only its filters, its sort key, its cursor, its total and its tier", () => {
    const first = cypher({ query: "list-entities-asc", list: PAGE });
    expect(first).toBe(
      [
        "MATCH (n:Entity)",
        "WHERE true",
        "WITH *, n.name AS sortKey",
        `RETURN n.id AS id, sortKey, n ${cypher("entities-by-ids").match(/n (\{[^}]*\}) AS entity/)?.[1]} AS entity`,
        "ORDER BY sortKey, n.id",
        "LIMIT toInteger($limit)",
      ].join("\n"),
    );
    const full = cypher({ query: "list-entities-desc", list: FULL_PAGE });
    expect(full).toContain("MATCH (n:University)\nWHERE true\nAND n.kind = $kind\nAND any(form");
    for (const parameter of ["$nameContains", "$district", "$industry", "$cursorKey", "$cursorId"])
      expect(full).toContain(parameter);
    expect(full).toContain("WITH *, coalesce(n.namePinyin, '') + '\\u0001' + n.name AS sortKey");
    expect(full).toContain("WHERE sortKey < $cursorKey");
    expect(full).toContain("CALL () {\nMATCH (n:University)");
    expect(full).toContain("RETURN count(n) AS total");
    expect(full).toContain("n {.id, .kind, .name, brief: true, names: true} AS entity\n, total");
    expect(cypher({ query: "list-entities-asc", list: { ...PAGE, sort: "id" } })).toContain(
      "WITH *, n.id AS sortKey",
    );
    expect(cypher({ query: "list-entities-asc", list: { ...PAGE, tier: "brief" } })).toContain(
      "brief: true} AS entity",
    );
    expect(cypher({ query: "count-entities", list: NO_FILTER })).toBe(
      "MATCH (n:Entity)\nWHERE true\nRETURN count(n) AS total",
    );
    const links = cypher({ query: "list-links-asc", type: "CO_BUILT", links: OUT, list: PAGE });
    expect(links.startsWith("MATCH (n:Entity)\nWHERE true\n")).toBe(true);
    expect(links).not.toMatch(/count\(n\)|total|nextLimits|walkDegreeBound/);
  });

  it("refuses a list text outside its closed sets, and a list block in a query without one", () => {
    const refused: ListPageText[] = [
      { ...PAGE, label: "University) DETACH DELETE (n" },
      { ...PAGE, sort: "namePinyin" as "name" },
      { ...PAGE, tier: "full" as "whole" },
    ];
    for (const list of refused)
      expect(() => cypher({ query: "list-entities-asc", list })).toThrow(
        /unknown (entity kind|sort field|entity tier)/,
      );
    expect(() => cypher({ query: "list-links-asc", type: "CO_BUILT", links: OUT })).toThrow(
      "cypher/list-links-asc.cypher:7: //#with-total in a query written without a list text (ForList, ForType.list)",
    );
    expect(() => expandQuery("q.cypher", "MATCH (n)\n//#if-cursor\nRETURN n", {})).toThrow(
      "q.cypher:2: //#if-cursor in a query written without a list text",
    );
    expect(() =>
      expandQuery("q.cypher", "MATCH (n)\n//#if-cursor\n//#end-if-cursor", {}, { list: NO_FILTER }),
    ).toThrow("q.cypher:2: //#if-cursor in a query written without a list page (ListPageText)");
  });

  it("writes a typed query's read-ahead steps into its text, and refuses a step outside the vocabulary", () => {
    const step = {
      kind: "ResearchInstitute",
      type: "AFFILIATED_WITH",
      direction: "OUT",
      ...NAMES_BARE,
    } as const;
    const text = cypher({
      query: "relations-by-type",
      type: "CO_BUILT",
      links: OUT,
      ahead: [step],
    });
    expect(text).toContain("WHERE m.kind = 'ResearchInstitute'");
    expect(text).toContain("MATCH (m)-[r2:AFFILIATED_WITH]->(o:Entity)");
    expect(text).toContain("props: r2 {.id},");
    expect(text).toContain("otherEntity: o {.id, .kind, .name, brief: true, names: true}");
    expect(cypher({ query: "relations-by-type", type: "CO_BUILT", links: OUT })).not.toContain(
      "r2:",
    );
    const refused = [
      { ...step, kind: "Person' OR true //" },
      { ...step, type: "AFFILIATED_WITH]-() DETACH DELETE (" },
      { ...step, direction: "BOTH" as "OUT" },
    ];
    for (const wrong of refused)
      expect(() =>
        cypher({
          query: "list-links-asc",
          type: "CO_BUILT",
          links: OUT,
          list: PAGE,
          ahead: [wrong],
        }),
      ).toThrow(/unknown (entity kind|relationship type|direction)/);
  });

  it("writes the direction and shape of a typed query's links into its text, and refuses one outside them", () => {
    const out = cypher({ query: "relations-by-type", type: "CO_BUILT", links: OUT });
    expect(out).toContain("MATCH ()-[r:CO_BUILT]->(m:Entity)\nUSING INDEX SEEK r:CO_BUILT(outKey)");
    expect(out).toContain("WHERE r.outKey STARTS WITH key.prefix");
    expect(out).not.toContain("inKey STARTS WITH");
    expect(out).toContain(
      "props: r {.*, quotes: null, evidence: null, propText: null, outKey: null, inKey: null},",
    );
    expect(out).toContain(
      "otherEntity: m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description, .citations, .chainPosition},",
    );
    const inNames = cypher({
      query: "list-links-desc",
      type: "CO_BUILT",
      links: { ...NAMES_BARE, direction: "IN" },
      list: PAGE,
    });
    expect(inNames).toContain(
      "MATCH ()<-[r:CO_BUILT]-(m:Entity)\nUSING INDEX SEEK r:CO_BUILT(inKey)",
    );
    expect(inNames).not.toContain("outKey STARTS WITH");
    expect(inNames).toContain(
      "props: r {.id},\notherEntity: m {.id, .kind, .name, brief: true, names: true},",
    );
    const brief = cypher({
      query: "relations-by-type",
      type: "CO_BUILT",
      links: { ...OUT, brief: true },
    });
    expect(brief).toContain(
      "otherEntity: m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .chainPosition, brief: true},",
    );
    // Only the vocabulary's directions reach the text; a text that reads links needs them.
    expect(() =>
      cypher({
        query: "relations-by-type",
        type: "CO_BUILT",
        links: { ...OUT, direction: "OUT]-() DETACH DELETE (" as "OUT" },
      }),
    ).toThrow(/unknown direction/);
    expect(() => cypher({ query: "relations-by-type", type: "CO_BUILT" })).toThrow(
      /placeholder __KEY_LEFT__ left in the query/,
    );
  });

  it("puts a part of cypher/parts in place of each //#include line, without its //#uses line", () => {
    const parts = { "links-of-key": "//#uses n, $linkLimit\nCALL (n) {\n  RETURN 1 AS one\n}" };
    expect(expandQuery("q.cypher", "MATCH (n)\n//#include links-of-key\nRETURN one", parts)).toBe(
      "MATCH (n)\nCALL (n) {\n  RETURN 1 AS one\n}\nRETURN one",
    );
  });

  it("puts the entity projection of parts/entity-projection in place of __ENTITY__, and refuses it without that part", () => {
    const parts = { "entity-projection": "//#uses\n// what a read returns\n{.id, .name}" };
    expect(expandQuery("q.cypher", "MATCH (n)\nRETURN n __ENTITY__ AS entity", parts)).toBe(
      "MATCH (n)\nRETURN n {.id, .name} AS entity",
    );
    // Brief: less the fields BRIEF_LEAVES_OUT names, marked so.
    const whole = {
      "entity-projection": "//#uses\n{.id, .name, .aliases, .description, .citations, .kind}",
    };
    expect(expandQuery("q.cypher", "MATCH (n)\nRETURN n __BRIEF_ENTITY__ AS entity", whole)).toBe(
      "MATCH (n)\nRETURN n {.id, .name, .kind, brief: true} AS entity",
    );
    expect(() => expandQuery("q.cypher", "MATCH (n)\nRETURN n __BRIEF_ENTITY__", {})).toThrow(
      "q.cypher:2: placeholder __BRIEF_ENTITY__ left in the query",
    );
    expect(() => expandQuery("q.cypher", "MATCH (n)\nRETURN n __ENTITY__", {})).toThrow(
      "q.cypher:2: placeholder __ENTITY__ left in the query",
    );
    // Every registered query that returns an entity takes it from the part: no copy is written out.
    const dir = path.resolve(__dirname, "../../cypher");
    const projection = "{.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases";
    const copies = [...QUERY_NAMES, ...TYPED_QUERY_NAMES, ...HOPS_QUERY_NAMES].filter((name) =>
      readFileSync(path.join(dir, `${name}.cypher`), "utf8").includes(projection),
    );
    expect(copies).toEqual([]);
    expect(cypher("entities-by-ids")).toContain(
      `n ${projection}, .description, .citations, .chainPosition} AS entity`,
    );
  });

  it("leaves no directive and no placeholder in any registered query's raw expansion", () => {
    const dir = path.resolve(__dirname, "../../cypher");
    const parts = (name: string): string | undefined => {
      const file = path.join(dir, "parts", `${name}.cypher`);
      return existsSync(file) ? readFileSync(file, "utf8") : undefined;
    };
    const raw = (name: string, fill: Fill = {}): string =>
      expandQuery(name, readFileSync(path.join(dir, `${name}.cypher`), "utf8"), parts, fill);
    const expansions = [
      ...QUERY_NAMES.map((name) => raw(name)),
      ...TYPED_QUERY_NAMES.map((name) => raw(name, { type: "CO_BUILT", links: OUT, list: PAGE })),
      ...LIST_QUERY_NAMES.map((name) => raw(name, { list: FULL_PAGE })),
      ...HOPS_QUERY_NAMES.map((name) => raw(name, { hops: 3 })),
    ];
    for (const text of expansions) {
      expect(text).not.toMatch(/^\s*\/\/#/m);
      expect(text).not.toMatch(/__[A-Z]+__/);
    }
    // Each include brought its part's code: the list queries and the count share the filter.
    const filter = "MATCH (n:University)";
    expect(raw("list-entities-asc", { list: FULL_PAGE })).toContain(filter);
    expect(raw("count-entities", { list: FULL_PAGE })).toContain(filter);
    expect(raw("neighborhood")).toContain("seen: walk.seen + fresh[..room]");
  });

  it("counts a list's entities with the very filter its pages read, whichever filters are set", () => {
    const lists: ListFilterText[] = [
      NO_FILTER,
      { ...NO_FILTER, nameContains: true },
      { ...NO_FILTER, label: "District", kind: true, district: true },
      { label: "University", kind: true, nameContains: true, district: true, industry: true },
    ];
    for (const list of lists) {
      const count = cypher({ query: "count-entities", list });
      const filter = count.replace(/\nRETURN count\(n\) AS total$/, "");
      expect(filter).not.toBe(count);
      expect(filter.startsWith(`MATCH (n:${list.label})`)).toBe(true);
      for (const withTotal of [false, true]) {
        const page = { ...PAGE, ...list, withTotal };
        const texts = [
          cypher({ query: "list-entities-asc", list: page }),
          cypher({ query: "list-entities-desc", list: page }),
          cypher({ query: "list-links-asc", type: "CO_BUILT", links: OUT, list: page }),
          cypher({ query: "list-links-desc", type: "CO_BUILT", links: OUT, list: page }),
        ];
        for (const text of texts) expect(text.split(filter).length - 1).toBe(withTotal ? 2 : 1);
      }
    }
  });

  describe("refuses a query written wrong, naming the file and line", () => {
    const parts = {
      "walk-level": "//#uses walk, $limit\nRETURN walk.seen[..$limit] AS seen",
      "no-uses": "RETURN 1 AS one",
    };

    it("an unknown //# directive", () => {
      expect(() => expandQuery("q.cypher", "MATCH (n)\n//#each-types\nRETURN n", parts)).toThrow(
        "q.cypher:2: unknown directive //#each-types",
      );
      expect(() => expandQuery("q.cypher", "WITH 1 AS walk\n//#include walk_level", parts)).toThrow(
        "q.cypher:2: //#include takes one part name",
      );
      expect(() => expandQuery("q.cypher", "//#uses walk\nRETURN 1", parts)).toThrow(
        "q.cypher:1: //#uses belongs on the first line of a part",
      );
    });

    it("an include of a part that does not exist", () => {
      expect(() =>
        expandQuery("q.cypher", "WITH 1 AS walk\n//#include walk-levels", parts),
      ).toThrow("q.cypher:2: //#include walk-levels: no cypher/parts/walk-levels.cypher");
    });

    it("an include whose part's variables the query does not bind before it", () => {
      // walk is written only after the include, and in a comment before it: neither binds it.
      expect(() =>
        expandQuery("q.cypher", "// walk\nMATCH (n)\n//#include walk-level\nWITH 1 AS walk", parts),
      ).toThrow(
        /^q\.cypher:3: \/\/#include walk-level uses walk \(cypher\/parts\/walk-level\.cypher:1\)/,
      );
      // A property or a parameter of that name is not the variable either.
      expect(() =>
        expandQuery("q.cypher", "WITH n.walk AS w, $walk AS v\n//#include walk-level", parts),
      ).toThrow(/uses walk/);
      expect(expandQuery("q.cypher", "WITH [] AS walk\n//#include walk-level", parts)).toBe(
        "WITH [] AS walk\nRETURN walk.seen[..$limit] AS seen",
      );
      expect(() => expandQuery("q.cypher", "//#include no-uses", parts)).toThrow(
        "cypher/parts/no-uses.cypher:1: a part starts with //#uses",
      );
    });

    it("a __X__ placeholder left after the type and hop bound are put in", () => {
      const typed = "MATCH ()-[r:__TYPE__]->()\nRETURN r";
      expect(() => expandQuery("q.cypher", typed, {})).toThrow(
        "q.cypher:1: placeholder __TYPE__ left in the query",
      );
      expect(expandQuery("q.cypher", typed, {}, { type: "CO_BUILT" })).toContain("[r:CO_BUILT]");
      expect(() =>
        expandQuery("q.cypher", "MATCH p = ()-[*..__HOPS__]-()\nRETURN __HOP__", {}, { hops: 2 }),
      ).toThrow("q.cypher:2: placeholder __HOP__ left in the query");
      // In a part: the line is named in the part, with the include that brought it.
      expect(() =>
        expandQuery("q.cypher", "MATCH (n)\n//#include t", {
          t: "//#uses n\nMATCH (n)-[:__TYPE__]->()",
        }),
      ).toThrow("cypher/parts/t.cypher:2 (included at q.cypher:2): placeholder __TYPE__");
    });
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

  it("loads every named query as Cypher that starts with a clause and reads values as $parameters", () => {
    for (const name of QUERY_NAMES) {
      const text = cypher(name);
      expect(text, name).toMatch(/^(MATCH|OPTIONAL MATCH|UNWIND|CALL|WITH|RETURN|CREATE|MERGE)\b/);
      // No value is spliced in: no JavaScript template leftovers, no undefined or NaN.
      expect(text, name).not.toMatch(/\$\{|undefined|NaN/);
    }
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
      expect(statement).toMatch(
        /^(CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS|DROP INDEX \w+ IF EXISTS$)/,
      );
  });
});

describe("every registered query, as it is sent", () => {
  // A change to a part or a placeholder shows here, query by query, in review: the snapshot is
  // the expanded, compacted text Neo4j receives (test/integration/cypher-plans.int.test.ts has
  // each one planned by Neo4j). One type and one hop bound stand for the others.
  it.each([...QUERY_NAMES, "schema" as const])("%s", (name) => {
    expect(cypher(name)).toMatchSnapshot();
  });
  it.each(TYPED_QUERY_NAMES)("%s for CO_BUILT", (query) => {
    expect(cypher(typedRef(query))).toMatchSnapshot();
  });
  it.each(["list-entities-asc", "list-entities-desc"] as const)(
    "%s, first page and every filter after a cursor",
    (query) => {
      expect(cypher({ query, list: PAGE })).toMatchSnapshot();
      expect(cypher({ query, list: FULL_PAGE })).toMatchSnapshot();
    },
  );
  it("count-entities, no filter and every filter", () => {
    expect(cypher({ query: "count-entities", list: NO_FILTER })).toMatchSnapshot();
    expect(cypher({ query: "count-entities", list: FULL_PAGE })).toMatchSnapshot();
  });
  it.each(["relations-by-type", "list-links-asc"] as const)(
    "%s for CO_BUILT IN as names and bare, reading ResearchInstitute AFFILIATED_WITH OUT ahead",
    (query) => {
      const ahead = [
        { kind: "ResearchInstitute", type: "AFFILIATED_WITH", direction: "OUT", ...WHOLE },
      ] as const;
      const links = { ...NAMES_BARE, direction: "IN" } as const;
      const list = query === "list-links-asc" ? { list: PAGE } : {};
      expect(cypher({ query, type: "CO_BUILT", links, ahead, ...list })).toMatchSnapshot();
    },
  );
  it("list-links-asc for CO_BUILT, every filter after a cursor, with its total", () => {
    expect(
      cypher({ query: "list-links-asc", type: "CO_BUILT", links: OUT, list: FULL_PAGE }),
    ).toMatchSnapshot();
  });
  it.each(HOPS_QUERY_NAMES)("%s with 3 hops", (query) => {
    expect(cypher({ query, hops: 3 })).toMatchSnapshot();
  });
});
