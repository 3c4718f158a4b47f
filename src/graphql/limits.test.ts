import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  buildSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import {
  checkOperationWithVariables,
  createLimitsRule,
  loadTrustedDocuments,
  measureOperation,
  trustedDocumentStore,
  type CostlyField,
  type QueryLimits,
} from "./limits";
import { createSchema } from "./schema";

/** The shapes of the real schema that the limits care about, small enough to reason about. */
const schema = buildSchema(`
  type Query {
    entity(id: ID!): Entity
    resolve(name: String!): [Entity!]!
    entities(first: Int, after: String, last: Int, before: String): EntityConnection!
    search(query: String!, first: Int, after: String): SearchConnection!
    neighborhood(id: ID!, depth: Int! = 1, limit: Int! = 100): GraphView
    paths(fromId: ID!, toId: ID!, maxHops: Int! = 4, limit: Int! = 10): [GraphPath!]!
    upstream(id: ID!, depth: Int! = 3): [TraceStep!]
  }
  interface Entity { id: ID! name: String! aliases: [String!]! evidence: [Evidence!]!
    relations(first: Int! = 20): [Relation!]! }
  type University implements Entity { id: ID! name: String! aliases: [String!]! evidence: [Evidence!]!
    relations(first: Int! = 20): [Relation!]! coBuilt(first: Int! = 20): [Related!]! }
  type Evidence { quote: String! }
  type Relation { id: ID! type: String! node: Entity! evidence: [Evidence!]! }
  type Related { node: Entity! evidence: [Evidence!]! }
  type EntityConnection { totalCount: Int! nodes: [Entity!]! edges: [EntityEdge!]! pageInfo: PageInfo! }
  type EntityEdge { cursor: String! node: Entity! }
  type SearchConnection { totalCount: Int! edges: [SearchEdge!]! }
  type SearchEdge { score: Float! node: Entity! }
  type PageInfo { hasNextPage: Boolean! }
  type GraphView { nodes: [GraphNode!]! edges: [GraphEdge!]! truncated: Boolean! }
  type GraphNode { id: ID! }
  type GraphEdge { id: ID! evidence: [Evidence!]! }
  type GraphPath { length: Int! nodes: [GraphNode!]! }
  type TraceStep { depth: Int! entity: Entity! }
`);

const LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 10, maxCost: 20_000 };

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation === undefined) throw new Error("no operation");
  return operation;
}

function measure(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  return measureOperation(schema, document, operationOf(document), variables);
}

function limitErrorsOf(source: string, limits: QueryLimits = LIMITS): readonly GraphQLError[] {
  return validate(schema, parse(source), [createLimitsRule(limits)]);
}

const nested = (levels: number): string =>
  `{ entity(id: "x") { ${"relations(first: 1) { node { ".repeat(levels)}id${" } }".repeat(levels)} } }`;

describe("depth", () => {
  it("counts nested fields, the top-level field being depth 1", () => {
    expect(measure(`{ entity(id: "x") { id } }`).measure.depth).toBe(2);
    expect(measure(nested(2)).measure.depth).toBe(6);
  });

  it("accepts a query at the limit and rejects one a level deeper, naming the limit", () => {
    expect(limitErrorsOf(nested(5))).toEqual([]);
    const [error] = limitErrorsOf(nested(6));
    expect(error?.message).toBe("Query is too deep: depth 14 exceeds the limit of 12.");
    expect(error?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "depth",
      max: 12,
      actual: 14,
    });
  });

  it("counts the depth of fragments where they are spread", () => {
    const source = `{ entity(id: "x") { ...A } }
      fragment A on Entity { relations(first: 1) { node { ...B } } }
      fragment B on Entity { relations(first: 1) { node { id } } }`;
    expect(measure(source).measure.depth).toBe(6);
  });

  it("leaves introspection out: Sandbox's own query nests ofType deeper than the limit", () => {
    const source = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType {
      ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`;
    expect(measure(source).measure.depth).toBe(0);
  });
});

describe("aliases and directives", () => {
  it("counts every alias of the expanded document, without multiplying by list sizes", () => {
    const source = `{ entities(first: 100) { nodes { a: id b: name } } x: entity(id: "y") { ...F ...F } }
      fragment F on Entity { c: id }`;
    expect(measure(source).measure.aliases).toBe(5);
  });

  it("rejects more aliases than the limit", () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ");
    const [error] = limitErrorsOf(`{ ${aliases} }`);
    expect(error?.extensions).toMatchObject({ limit: "aliases", max: 30, actual: 31 });
  });

  it("counts directives on fields, fragments, spreads and the operation", () => {
    const source = `query Q @skip(if: false) { entity(id: "x") @include(if: true) {
      ...F @include(if: true) ... on University @skip(if: false) { id } } }
      fragment F on Entity @skip(if: false) { id @include(if: true) }`;
    expect(measure(source).measure.directives).toBe(6);
  });

  it("rejects directive overload", () => {
    const [error] = limitErrorsOf(`{ ${"__typename @include(if: true) ".repeat(11)} }`);
    expect(error?.extensions).toMatchObject({ limit: "directives", max: 10, actual: 11 });
  });
});

describe("cost", () => {
  it("charges 1 per field selection plus every object a list can return", () => {
    // 3 field selections; the relation list holds 7 objects.
    expect(measure(`{ entity(id: "x") { relations(first: 7) { id } } }`).measure.cost).toBe(3 + 7);
  });

  it("multiplies nested lists and uses the documented defaults", () => {
    // entities: 20 nodes by default, each with 20 relations by default (the schema's defaults).
    const source = `{ entities { nodes { relations { id } } } }`;
    expect(measure(source).measure.cost).toBe(4 + 20 + 20 * 20);
  });

  it("sizes a connection's nodes and edges by its first or last", () => {
    expect(measure(`{ entities(last: 5) { edges { node { id } } } }`).measure.cost).toBe(4 + 5);
    expect(measure(`{ search(query: "a", first: 50) { edges { score } } }`).measure.cost).toBe(
      3 + 50,
    );
  });

  it("sizes a neighbourhood by its limit and paths by theirs", () => {
    expect(measure(`{ neighborhood(id: "x") { nodes { id } } }`).measure.cost).toBe(3 + 100);
    expect(measure(`{ neighborhood(id: "x", limit: 7) { nodes { id } } }`).measure.cost).toBe(
      3 + 7,
    );
    // 10 paths by default, each with up to 10 nodes (a list nothing bounds).
    expect(measure(`{ paths(fromId: "a", toId: "b") { nodes { id } } }`).measure.cost).toBe(
      3 + 10 + 10 * 10,
    );
  });

  it("takes sizes from variables when it has them, from their defaults otherwise", () => {
    const source = `query ($n: Int = 3) { entity(id: "x") { relations(first: $n) { id } } }`;
    expect(measure(source).measure.cost).toBe(3 + 3);
    expect(measure(source, { n: 40 }).measure.cost).toBe(3 + 40);
  });

  it("rejects a nested-list bomb before execution", () => {
    const source = `{ entities(first: 100) { nodes { relations(first: 1000) { node {
      relations(first: 1000) { id } } } } } }`;
    const [error] = limitErrorsOf(source);
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "cost" });
    expect(error?.message).toMatch(
      /^Query is too expensive: cost \d+ exceeds the limit of 20000\. Costliest lists: entities \(first: 100, cost [\d,]+\), /,
    );
  });

  it("counts a duplicated field every time it is requested", () => {
    const once = measure(`{ entity(id: "x") { relations { node { id } } } }`).measure.cost;
    const twice = measure(
      `{ entity(id: "x") { relations { node { id } } relations { node { id } } } }`,
    ).measure.cost;
    expect(twice).toBe(2 * once - 1);
  });

  it("measures exponential fragments at their expanded size, in linear time", () => {
    let source = `query { ...F40 } fragment F0 on Query { entity(id: "x") { id } }\n`;
    for (let i = 1; i <= 40; i += 1)
      source += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    const started = performance.now();
    const { measure: result } = measure(source);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.cost).toBe(2 ** 40 * 2);
    const [error] = limitErrorsOf(source);
    expect(error?.extensions).toMatchObject({ limit: "cost" });
  });

  it("stops at a fragment cycle, which graphql's own rule reports", () => {
    const source = `{ ...A } fragment A on Query { entity(id: "x") { id } ...B } fragment B on Query { ...A }`;
    expect(measure(source).measure.cost).toBe(2);
    const errors = validate(schema, parse(source), [...specifiedRules, createLimitsRule(LIMITS)]);
    expect(errors.map((e) => e.message)).toContain(
      'Cannot spread fragment "A" within itself via "B".',
    );
  });
});

describe("a refusal over the cost limit", () => {
  it("names the costliest lists by path, with their sizes, costs and the size that would fit", () => {
    const source = `{ a: entities(first: 100) { nodes { ...R } } entity(id: "x") { id } }
      fragment R on Entity { rel: relations(first: 1000) { id } }`;
    const [error] = limitErrorsOf(source);
    expect(error?.extensions).toMatchObject({ limit: "cost", actual: 6 + 100 + 100 * 1000 });
    // Each field's cost is what the query would save were its list empty.
    expect(error?.extensions.fields).toEqual([
      {
        path: "a",
        argument: "first",
        first: 100,
        cost: 100 + 100 * 1000,
        suggestedFirst: 19,
        suggestedCost: 6 + 19 + 19 * 1000,
      },
      {
        path: "a.nodes.rel",
        argument: "first",
        first: 1000,
        cost: 100 * 1000,
        suggestedFirst: 198,
        suggestedCost: 6 + 100 + 100 * 198,
      },
    ]);
    expect(error?.message).toBe(
      "Query is too expensive: cost 100106 exceeds the limit of 20000. Costliest lists: a (first: 100, cost 100,100), a.nodes.rel (first: 1000, cost 100,000). rel(first: 198) would bring the cost to 19,906.",
    );
    // The suggestions fit, and are the largest that do.
    expect(limitErrorsOf(source.replace("first: 1000", "first: 198"))).toEqual([]);
    expect(limitErrorsOf(source.replace("first: 1000", "first: 199"))).toHaveLength(1);
    expect(limitErrorsOf(source.replace("first: 100)", "first: 19)"))).toEqual([]);
    expect(limitErrorsOf(source.replace("first: 100)", "first: 20)"))).toHaveLength(1);
  });

  it("names the argument a field is sized by: last, or limit", () => {
    const [error] = limitErrorsOf(
      `{ entities(last: 100) { nodes { relations(first: 300) { id } } } }`,
    );
    expect(error?.extensions.fields).toMatchObject([
      { path: "entities", argument: "last", first: 100, suggestedFirst: 66 },
      { path: "entities.nodes.relations", argument: "first", first: 300, suggestedFirst: 198 },
    ]);
    const [view] = limitErrorsOf(`{ neighborhood(id: "x", limit: 500) { nodes { id } }
      entities(first: 100) { nodes { relations(first: 200) { id } } } }`);
    expect(view?.extensions.fields).toMatchObject([
      // 20607 in all, 607 too many: fewer entities or relations would fit, no neighbourhood size.
      { path: "entities", argument: "first", first: 100, cost: 100 * 201 },
      { path: "entities.nodes.relations", argument: "first", first: 200, cost: 100 * 200 },
      { path: "neighborhood", argument: "limit", first: 500, cost: 500, suggestedFirst: null },
    ]);
  });

  it("costs a size given in a variable at its value, and suggests from there", () => {
    const source = `query ($n: Int!) { entities(first: 30) { nodes { relations(first: $n) { id } } } }`;
    const document = parse(source);
    const [error] = checkOperationWithVariables(LIMITS, schema, document, operationOf(document), {
      n: 1000,
    });
    expect(error?.extensions.fields).toMatchObject([
      { path: "entities", first: 30, suggestedFirst: 19 },
      { path: "entities.nodes.relations", first: 1000, suggestedFirst: 665 },
    ]);
    // Validation, without the variables, costs the size at its default: here none, so it fits.
    expect(validate(schema, document, [createLimitsRule(LIMITS)])).toEqual([]);
  });

  it("says when no one size makes a query fit", () => {
    const [bomb] = limitErrorsOf(`{ entities(first: 100) { nodes { relations(first: 1000) { node {
      relations(first: 1000) { id } } } } } }`);
    expect(bomb?.message).toMatch(
      /No one size makes it fit: lower several, or ask for fewer fields\.$/,
    );
    let source = `query { ...F20 } fragment F0 on Query { entity(id: "x") { id } }\n`;
    for (let i = 1; i <= 20; i += 1)
      source += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    const [fields] = limitErrorsOf(source);
    expect(fields?.extensions.fields).toEqual([]);
    expect(fields?.message).toMatch(/Ask for fewer fields\.$/);
  });
});

describe("size arguments", () => {
  const problemsOf = (source: string, variables?: Record<string, unknown>) =>
    measure(source, variables).problems.map(({ error }) => [error.message, error.extensions]);

  it("refuses out-of-range literals with the services' messages and BAD_USER_INPUT", () => {
    expect(problemsOf(`{ entity(id: "x") { relations(first: 0) { id } } }`)).toEqual([
      ["first must be between 1 and 1000", { code: "BAD_USER_INPUT", argumentName: "first" }],
    ]);
    expect(problemsOf(`{ entities(first: 1000000) { totalCount } }`)).toEqual([
      [
        "first must be between 0 and 100 (got 1000000)",
        { code: "BAD_USER_INPUT", argumentName: "first" },
      ],
    ]);
    expect(problemsOf(`{ neighborhood(id: "x", depth: 10, limit: 501) { truncated } }`)).toEqual([
      [
        "limit must be between 1 and 500 (got 501)",
        { code: "BAD_USER_INPUT", argumentName: "limit" },
      ],
      ["depth must be between 1 and 3 (got 10)", { code: "BAD_USER_INPUT", argumentName: "depth" }],
    ]);
    expect(problemsOf(`{ paths(fromId: "a", toId: "b", maxHops: 99) { length } }`)).toHaveLength(1);
    expect(problemsOf(`{ upstream(id: "a", depth: 11) { depth } }`)).toHaveLength(1);
  });

  it("checks a size given by a variable once the variables are known", () => {
    const source = `query ($n: Int!) { entity(id: "x") { relations(first: $n) { id } } }`;
    expect(problemsOf(source)).toEqual([]);
    expect(problemsOf(source, { n: 2_000_000_000 })).toHaveLength(1);
    const errors = checkOperationWithVariables(
      LIMITS,
      schema,
      parse(source),
      operationOf(parse(source)),
      { n: 2_000_000_000 },
    );
    expect(errors.map((e) => e.extensions.code)).toEqual([
      "BAD_USER_INPUT",
      "GRAPHQL_VALIDATION_FAILED",
    ]);
  });

  it("accepts in-range sizes", () => {
    expect(
      limitErrorsOf(`{ entities(first: 100) { nodes { relations(first: 10) { id } } } }`),
    ).toEqual([]);
  });
});

describe("the real schema", () => {
  it("accepts the README's and docs/api-examples.md's example queries within the default limits", async () => {
    const real = await createSchema();
    const read = (file: string): Promise<string> =>
      import("node:fs/promises").then((fs) => fs.readFile(file, "utf8"));
    const text = (await read("README.md")) + (await read("docs/api-examples.md"));
    const examples = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const example of examples) {
      expect(validate(real, parse(example), [createLimitsRule(LIMITS)])).toEqual([]);
    }
  });
});

/** Three research queries that the old default of 100 per relationship field refused. */
const arg = (first: number | undefined): string => (first === undefined ? "" : `(first: ${first})`);
const districtsTwoLevels = (coBuilt?: number, coBuilders?: number): string =>
  `{ districts { nodes { name ... on District { coBuilt${arg(coBuilt)} { node { name
    ... on ResearchInstitute { coBuilders${arg(coBuilders)} { node { name } evidence { quote } } } } } } } } }`;
const peoplePositions = (positions?: number): string =>
  `{ people { nodes { name ... on Person { positions${arg(positions)} { node { name }
    properties { key value } } } } } }`;
const shuangliuThreeLevels = (coBuilt = 20, universities = 5, pilotPrograms = 10): string =>
  `{ resolve(name: "双流县") { id name ... on District { coBuilt(first: ${coBuilt}) { node {
    ... on ResearchInstitute { universities(first: ${universities}) { node { ... on University {
    pilotPrograms(first: ${pilotPrograms}) { node { name } properties { key value } } } } } } } } } } }`;

describe("the real schema's costs", () => {
  const costOf = async (source: string): Promise<number> => {
    const document = parse(source);
    return measureOperation(await createSchema(), document, operationOf(document)).measure.cost;
  };
  const errorsOf = async (source: string): Promise<readonly GraphQLError[]> =>
    validate(await createSchema(), parse(source), [createLimitsRule(LIMITS)]);

  it("fit research queries with the default sizes (the README states these costs)", async () => {
    // Were 802,031, 22,029 and 33,376 with 100 per relationship field and a relationship's
    // evidence and properties costed at 3 and 10 objects.
    expect(await costOf(districtsTwoLevels())).toBe(16_431);
    expect(await costOf(peoplePositions())).toBe(829);
    expect(await costOf(shuangliuThreeLevels())).toBe(6_376);
    // The deprecated former name (university) costs the same as the field that replaced it.
    expect(await costOf(shuangliuThreeLevels().replace("universities(", "university("))).toBe(
      6_376,
    );
    for (const source of [districtsTwoLevels(), peoplePositions(), shuangliuThreeLevels()]) {
      expect(await errorsOf(source)).toEqual([]);
    }
  });

  it("refuses the same query with larger sizes, naming its lists and sizes that fit", async () => {
    const source = districtsTwoLevels(100, 100);
    const [error] = await errorsOf(source);
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "cost" });
    const fields = error?.extensions.fields as CostlyField[];
    expect(fields.map(({ path, first, suggestedFirst }) => [path, first, suggestedFirst])).toEqual([
      ["districts", 20, null],
      ["districts.nodes.coBuilt", 100, 4],
      ["districts.nodes.coBuilt.node.coBuilders", 100, 4],
    ]);
    expect(error?.message).toBe(
      "Query is too expensive: cost 402031 exceeds the limit of 20000. Costliest lists: districts (first: 20, cost 402,020), districts.nodes.coBuilt (first: 100, cost 402,000), districts.nodes.coBuilt.node.coBuilders (first: 100, cost 400,000). coBuilders(first: 4) would bring the cost to 18,031.",
    );
    // Each suggestion, applied alone, fits at the cost it states; one more does not.
    const [, coBuilt, coBuilders] = fields;
    expect(await costOf(districtsTwoLevels(4, 100))).toBe(coBuilt?.suggestedCost);
    expect(await costOf(districtsTwoLevels(100, 4))).toBe(coBuilders?.suggestedCost);
    expect(await errorsOf(districtsTwoLevels(4, 100))).toEqual([]);
    expect(await errorsOf(districtsTwoLevels(100, 4))).toEqual([]);
    expect(await errorsOf(districtsTwoLevels(5, 100))).toHaveLength(1);
    expect(await errorsOf(districtsTwoLevels(100, 5))).toHaveLength(1);
  });

  it("suggests sizes through inline fragments three levels down", async () => {
    const [error] = await errorsOf(shuangliuThreeLevels(60, 20, 10));
    const fields = error?.extensions.fields as CostlyField[];
    expect(fields.map(({ path }) => path)).toEqual([
      "resolve.coBuilt",
      "resolve.coBuilt.node.universities",
      "resolve.coBuilt.node.universities.node.pilotPrograms",
    ]);
    expect(fields.map((field) => field.suggestedFirst)).toEqual([15, 5, 2]);
    const [coBuilt, universities, pilotPrograms] = fields.map((field) => field.suggestedFirst ?? 0);
    expect(await errorsOf(shuangliuThreeLevels(coBuilt, 20, 10))).toEqual([]);
    expect(await errorsOf(shuangliuThreeLevels(60, universities, 10))).toEqual([]);
    expect(await errorsOf(shuangliuThreeLevels(60, 20, pilotPrograms))).toEqual([]);
  });
});

describe("trusted documents", () => {
  const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

  it("loads a sha256 → document list and serves it as Apollo's persisted-query store", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "trusted-"));
    const file = path.join(dir, "trusted.json");
    const query = "{ __typename }";
    await writeFile(file, JSON.stringify({ [sha(query)]: query }));
    const documents = await loadTrustedDocuments(file);
    const store = trustedDocumentStore(documents);
    expect(await store.get(`apq:${sha(query)}`)).toBe(query);
    expect(await store.get(`apq:${sha("{ other }")}`)).toBeUndefined();
  });

  it("refuses a list whose key is not the sha256 of its document", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "trusted-"));
    const file = path.join(dir, "trusted.json");
    await writeFile(file, JSON.stringify({ [sha("{ a }")]: "{ b }" }));
    await expect(loadTrustedDocuments(file)).rejects.toThrow(/is not the sha256 of its document/);
  });
});
