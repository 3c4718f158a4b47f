import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boltUri, loadConfig } from "../../src/config";
import {
  cypher,
  HOPS_QUERY_NAMES,
  LIST_QUERY_NAMES,
  QUERY_NAMES,
  TYPED_QUERY_NAMES,
  textKey,
  type ListPageText,
  type QueryRef,
} from "../../src/db/cypher";
import { MAX_HOPS } from "../../src/model/bounds";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { EVERY_FILTER, FIRST_PAGE as PAGE, FULL_PAGE, NO_FILTER } from "../fixtures/list-texts";

/**
 * Every query of the registry, as the registry writes it out (every name, every relationship type
 * of a typed query, every hop bound of a bounded one), planned by the real Neo4j with EXPLAIN: a
 * query that does not parse or plan (a part included where its variables are out of scope, a
 * misspelt function, a property map where a list goes) fails here, without a test that runs it.
 * EXPLAIN plans without running, so the write queries are planned too and change nothing.
 *
 * Not planned: relation-sort-indexes (each type's CREATE INDEX statements, which are schema
 * commands, several to a file, that EXPLAIN does not take; schema.test.ts and seeding check them)
 * and schema.cypher (the same, and not a registry name).
 */
const NOT_PLANNED: ReadonlySet<string> = new Set(["relation-sort-indexes"]);

/**
 * A value of the right shape for each parameter name, whatever the query: Neo4j needs every
 * parameter present to plan, and a query whose parameter has no entry here fails, so a new
 * parameter gets a shape. Lists are empty where a list of maps goes (the plan does not look in).
 */
const PARAMS: Readonly<Record<string, unknown>> = {
  action: "create",
  minConfidence: 0.5,
  outcome: null,
  reason: null,
  sha256: "0",
  status: null,
  actor: "plan-check",
  after: "{}",
  nextLimits: [],
  allTypes: [...RELATION_TYPES],
  asOf: "2015-12-31",
  before: "{}",
  bound: 1_000,
  brief: true,
  checksum: "0",
  counts: "{}",
  cursorId: null,
  cursorKey: null,
  depth: 2,
  direction: "OUT",
  district: null,
  documentId: "plan-check-doc",
  edgeCap: 50,
  entityId: "plan-check-entity",
  evidence: "{}",
  excluded: [],
  exact: "成都",
  hiddenEntities: [],
  hiddenRels: [],
  hitBound: 1_000,
  hubIds: [],
  fileName: "plan-check.xlsx",
  first: 5,
  fromId: "plan-check-a",
  id: "plan-check-entity",
  idempotencyKey: "plan-check-key",
  importSet: "plan-check",
  ids: [],
  industry: null,
  industryId: "plan-check-industry",
  key: "plan-check-key",
  keys: [],
  kind: null,
  kinds: [],
  label: "Entity",
  limit: 5,
  linkIds: [],
  linkLimit: 5,
  walkDegreeBound: 400,
  names: true,
  nameContains: null,
  nameForms: [],
  nameKeys: [],
  nodeIds: [],
  offset: 0,
  otherSide: [],
  passageId: "plan-check-passage",
  prefixes: [],
  props: {},
  query: "成都",
  quote: "成都",
  relatedIds: [],
  requestHash: "0",
  result: "{}",
  rows: [],
  seconds: 1,
  segmentId: "plan-check-segment",
  sortField: "name",
  source: "plan-check-a",
  start: "plan-check-a",
  target: "plan-check-b",
  terms: [],
  toId: "plan-check-b",
  withTotal: true,
  type: "CO_BUILT",
  types: [],
  what: "plan check",
};

/** The parameters a query's text names: `$name`, not `$(…)` or `$any(…)`. */
function parameterNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\$([A-Za-z_]\w*)(?![\w(])/g)].map((m) => m[1] ?? ""))];
}

/** The typed queries whose text reads links in a direction (ForType.links). */
const LINK_QUERY_NAMES = ["relations-by-type", "list-links-asc", "list-links-desc"] as const;
const WHOLE = { brief: false, names: false, bare: false } as const;
const NAMES_BARE = { brief: true, names: true, bare: true } as const;
/**
 * The list pages a list query is planned for: every block of its text written and not (each sort
 * field, each tier, with and without its cursor, total and filters).
 */
const LIST_PAGES: readonly ListPageText[] = [
  ...(["name", "pinyin", "id"] as const).flatMap((sort) => [
    { ...PAGE, sort },
    { ...FULL_PAGE, sort },
  ]),
  { ...PAGE, tier: "brief", withTotal: true },
  { ...FULL_PAGE, cursor: false, withTotal: false, tier: "whole" },
];
/** The first page of a list, for a typed query that reads one. */
function listOf(query: string): { list?: ListPageText } {
  return query.startsWith("list-") ? { list: PAGE } : {};
}

const REFS: readonly QueryRef[] = [
  ...QUERY_NAMES,
  ...TYPED_QUERY_NAMES.filter((query) => !NOT_PLANNED.has(query)).flatMap((query) =>
    RELATION_TYPES.map((type) => ({
      query,
      type,
      links: { ...WHOLE, direction: "OUT" as const },
      ...listOf(query),
    })),
  ),
  // The other direction (its own sort-key index) and shape, for the queries that read links.
  ...LINK_QUERY_NAMES.flatMap((query) =>
    RELATION_TYPES.map((type) => ({
      query,
      type,
      links: { ...NAMES_BARE, direction: "IN" as const },
      ...listOf(query),
    })),
  ),
  ...HOPS_QUERY_NAMES.flatMap((query) =>
    Array.from({ length: MAX_HOPS }, (_, i) => ({ query, hops: i + 1 })),
  ),
  // Read-ahead steps written into the text (ForType.ahead): every type, both directions, and the
  // list queries with them too.
  ...RELATION_TYPES.map((type) => ({
    query: "relations-by-type" as const,
    type: "CO_BUILT",
    links: { ...WHOLE, direction: "OUT" as const },
    ahead: [
      { kind: "University", type, direction: "OUT" as const, ...WHOLE },
      { kind: "District", type, direction: "IN" as const, ...NAMES_BARE },
    ],
  })),
  ...(["list-links-asc", "list-links-desc"] as const).map((query) => ({
    query,
    type: "CO_BUILT",
    list: FULL_PAGE,
    links: { ...NAMES_BARE, direction: "IN" as const },
    ahead: [
      { kind: "ResearchInstitute", type: "AFFILIATED_WITH", direction: "OUT" as const, ...WHOLE },
    ],
  })),
  // The list queries, for every block of their texts (list-links-* as theirs: the same parts).
  ...LIST_QUERY_NAMES.flatMap((query): QueryRef[] =>
    query === "count-entities"
      ? [NO_FILTER, EVERY_FILTER].map((list) => ({ query, list }))
      : LIST_PAGES.map((list) => ({ query, list })),
  ),
];

function labelOf(ref: QueryRef): string {
  if (typeof ref === "string") return ref;
  if ("hops" in ref) return `${ref.query} hops ${ref.hops}`;
  return textKey(ref).replaceAll("|", " ");
}

describe("every registered query plans on Neo4j", () => {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let driver: Driver;

  beforeAll(() => {
    driver = neo4j.driver(
      boltUri(config),
      neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
    );
  });
  afterAll(async () => {
    await driver.close();
  });

  it("checks every name, every type of a typed query (links in both directions), every hop bound, every type read ahead and every block of a list's text", () => {
    expect(REFS.length).toBe(
      QUERY_NAMES.length +
        (TYPED_QUERY_NAMES.length - NOT_PLANNED.size) * RELATION_TYPES.length +
        LINK_QUERY_NAMES.length * RELATION_TYPES.length +
        HOPS_QUERY_NAMES.length * MAX_HOPS +
        RELATION_TYPES.length +
        2 +
        2 * LIST_PAGES.length +
        2,
    );
  });

  it.each(REFS.map((ref) => [labelOf(ref), ref] as const))("EXPLAIN %s", async (_, ref) => {
    const text = cypher(ref);
    const names = parameterNames(text);
    const missing = names.filter((name) => !(name in PARAMS));
    expect(missing, "parameters without a shape in PARAMS").toEqual([]);
    const params = Object.fromEntries(names.map((name) => [name, PARAMS[name]]));
    const session = driver.session({ database: config.neo4jDatabase });
    try {
      // Auto-commit, so CALL { … } IN TRANSACTIONS (relation-keys-backfill) plans too.
      const result = await session.run(`EXPLAIN ${text}`, params);
      expect(result.summary.plan).not.toBe(false);
    } finally {
      await session.close();
    }
  });
});
