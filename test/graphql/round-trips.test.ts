import { describe, expect, it } from "vitest";
import { RELATION_FIELDS } from "../../src/model/relation-fields";
import { runCypher } from "../helpers/db";
import { runInProcess } from "../helpers/in-process";

/** How many relationship types a typed field follows. */
function typesOf(kind: string, field: string): number {
  const spec = RELATION_FIELDS.find((f) => f.kind === kind && f.field === field);
  return new Set(spec?.links.map((link) => link.type)).size;
}

/**
 * Counts database round trips of nested queries: with a DataLoader per request, every level of
 * nesting costs a bounded number of queries however many universities, institutes or builders
 * there are.
 */
const roundTrips = (
  source: string,
  variables?: Record<string, unknown>,
): Promise<{ trips: number; data: unknown }> => runInProcess(source, variables);

const LEVEL_1 = `{ universities(first: 100) { nodes { id name } } }`;
const LEVEL_2 = `{ universities(first: 100) { nodes { id ... on University {
  coBuiltInstitutes { node { id name } } } } } }`;
/** `$directive` lets a test switch read-ahead off: fields under @include are read on their own. */
const level3 = (directive = "") => `{ universities(first: 100) { nodes { id ... on University {
  coBuiltInstitutes { node { id ... on ResearchInstitute {
    coBuilders(first: 10) ${directive} { node { id name } } } } } } } } }`;
const level4 = (directive = "") => `{ universities(first: 100) { nodes { id ... on University {
  coBuiltInstitutes { node { id ... on ResearchInstitute {
    coBuilders(first: 10) ${directive} { node { id name ...Builder } } } } } } } } }
  fragment Builder on University { coBuiltInstitutes(first: 3) ${directive} { node { id name } } }`;

describe("database round trips of nested queries", () => {
  it("grow with depth, not with the number of universities", async () => {
    const one = await roundTrips(LEVEL_1);
    const two = await roundTrips(LEVEL_2);
    const three = await roundTrips(level3());
    const four = await roundTrips(level4());
    const universities = (one.data as { universities: { nodes: unknown[] } }).universities.nodes
      .length;
    expect(universities).toBeGreaterThanOrEqual(8);
    // A list page is one query that brings the page's entity records.
    expect(one.trips).toBe(1);
    // A level of relationship fields is one batched query per relationship type it follows (run
    // side by side: each seeks its type's sort-key index), which brings the entities at the other
    // end and the next level of fields the query asks for on them.
    const types = typesOf("University", "coBuiltInstitutes");
    expect(types).toBe(2);
    expect(two.trips).toBe(1 + types);
    expect(three.trips).toBe(1 + types);
    expect(four.trips).toBe(1 + types + types);
  });

  it("reads a page filtered by a district's id in one round trip, and by its name in more", async () => {
    const page = (district: string): string =>
      `{ carriers(filter: { district: "${district}" }) { nodes { id } } }`;
    const byId = await roundTrips(page("jinniu-district"));
    expect(byId.trips).toBe(1);
    const byName = await roundTrips(page("金牛区"));
    expect(byName.data).toEqual(byId.data);
    expect(byName.trips).toBeGreaterThan(1);
  });

  it("gives the same answer reading ahead as reading each level on its own", async () => {
    for (const query of [level3, level4]) {
      const ahead = await roundTrips(query());
      const levelByLevel = await roundTrips(query("@include(if: true)"));
      expect(levelByLevel.trips).toBeGreaterThan(ahead.trips);
      expect(ahead.data).toEqual(levelByLevel.data);
      // Not a vacuous comparison: some institutes have co-builders.
      expect(JSON.stringify(ahead.data).match(/"coBuilders":\[\{/g)?.length).toBeGreaterThan(2);
    }
  });

  it("reads an entity and two levels of its relationship fields in one round trip", async () => {
    const query = (directive = "") => `{ entity(id: "shuangliu-county") { id name
      ... on District { coBuilt(first: 100) ${directive} { node { id name
        ... on ResearchInstitute { universities(first: 5) { node { id name } } } } } } } }`;
    const ahead = await roundTrips(query());
    const levelByLevel = await roundTrips(query("@include(if: true)"));
    expect(ahead.trips).toBe(1);
    expect(levelByLevel.trips).toBe(2);
    expect(ahead.data).toEqual(levelByLevel.data);
    const coBuilt = (
      ahead.data as { entity: { coBuilt: { node: { universities?: unknown[] } }[] } }
    ).entity.coBuilt;
    expect(coBuilt.filter((r) => (r.node.universities ?? []).length > 0).length).toBeGreaterThan(1);
    // An unknown id is still null, read ahead or not.
    const missing = await roundTrips(
      `{ entity(id: "no-such-entity") { id ... on District { coBuilt { node { id } } } } }`,
    );
    expect(missing.data).toEqual({ entity: null });
    expect(missing.trips).toBe(1);
  });

  it("reads keys of one type that read different links ahead in one query each, side by side", async () => {
    // Two districts' coBuilt in one batch: one reads its institutes' universities ahead, the
    // other their co-builders. The steps are written into the query's text, so each set of steps
    // is a query of its own (run side by side); each answers as reading level by level does.
    const query = (directive = "") => `{
      a: entity(id: "shuangliu-county") { ... on District { coBuilt(first: 100) ${directive} { node { id
        ... on ResearchInstitute { universities(first: 5) { node { id } } } } } } }
      b: entity(id: "jinjiang-district") { ... on District { coBuilt(first: 100) ${directive} { node { id
        ... on ResearchInstitute { coBuilders(first: 5) { node { id } } } } } } } }`;
    const ahead = await roundTrips(query());
    const levelByLevel = await roundTrips(query("@include(if: true)"));
    expect(ahead.trips).toBe(2);
    expect(levelByLevel.trips).toBe(3);
    expect(ahead.data).toEqual(levelByLevel.data);
    const node = (id: string) => ({ node: { id } });
    const institute = (id: string, university: string) => ({
      node: { id: `${id}-chengdu-research-institute`, universities: [node(university)] },
    });
    expect(ahead.data).toEqual({
      a: {
        coBuilt: [
          institute("cuit", "cuit"),
          institute("uestc", "uestc"),
          institute("swjtu", "swjtu"),
          institute("cityu", "cityu"),
        ],
      },
      b: {
        coBuilt: [
          {
            node: {
              id: "energy-conservation-institute",
              coBuilders: [node("pku"), node("jinjiang-district")],
            },
          },
        ],
      },
    });
  });

  it("reads a renamed field ahead as its deprecated former name, in the same round trips", async () => {
    // ResearchInstitute.universities and Carrier.universities were university (one type each).
    const entity = (field: string, directive = "") => `{ entity(id: "shuangliu-county") { id
      ... on District { coBuilt(first: 100) ${directive} { node { id name
        ... on ResearchInstitute { list: ${field}(first: 5) { node { id name } } } } } } } }`;
    const page = (field: string, directive = "") => `{ entities(kind: Carrier, first: 100) {
      nodes { id ... on Carrier { list: ${field}(first: 3) ${directive} { node { id name } } } } } }`;
    for (const query of [entity, page]) {
      const plural = await roundTrips(query("universities"));
      const singular = await roundTrips(query("university"));
      const levelByLevel = await roundTrips(query("universities", "@include(if: true)"));
      expect(plural.trips).toBe(1);
      expect(singular).toEqual(plural);
      expect(levelByLevel.trips).toBe(2);
      expect(levelByLevel.data).toEqual(plural.data);
      // Not vacuous: some entities list what the renamed field follows.
      expect(JSON.stringify(plural.data).match(/"list":\[\{/g)?.length).toBeGreaterThan(1);
    }
    // Carrier.districts (was district) follows two types: read as before, the page then one query
    // per type, by either name.
    const districts = (field: string) => `{ entities(kind: Carrier, first: 100) {
      nodes { id ... on Carrier { list: ${field}(first: 3) { node { id name } } } } } }`;
    const plural = await roundTrips(districts("districts"));
    expect(plural.trips).toBe(1 + typesOf("Carrier", "districts"));
    expect(await roundTrips(districts("district"))).toEqual(plural);
    expect(JSON.stringify(plural.data).match(/"list":\[\{/g)?.length).toBeGreaterThan(1);
  });

  it("reads a list page and two levels of a one-type field in one round trip, in either order and through edges", async () => {
    // District.coBuilt follows CO_BUILT out; ResearchInstitute.coBuilders follows it in.
    expect(typesOf("District", "coBuilt")).toBe(1);
    const page = (args: string, directive = "") => `{ districts(${args}) {
      edges { cursor node { id ... on District { coBuilt(first: 20) ${directive} { node { id name
        ... on ResearchInstitute { coBuilders(first: 10) { node { id name } } } } } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const answers: string[] = [];
    for (const args of [
      "first: 10",
      "first: 5, orderBy: {field: NAME, direction: DESC}",
      "last: 4",
      'first: 5, filter: { name: "县" }',
    ]) {
      const ahead = await roundTrips(page(args));
      const levelByLevel = await roundTrips(page(args, "@include(if: true)"));
      expect(ahead.trips).toBe(1);
      expect(levelByLevel.trips).toBe(2);
      expect(ahead.data).toEqual(levelByLevel.data);
      answers.push(JSON.stringify(ahead.data));
    }
    // Not vacuous: of the first ten districts by name, 双流县 co-built four institutes, whose
    // co-builders (the second level) are 双流县 itself.
    type Page = {
      districts: {
        edges: { node: { coBuilt?: { node: { coBuilders?: { node: { id: string } }[] } }[] } }[];
      };
    };
    const coBuilt = (JSON.parse(answers[0] ?? "{}") as Page).districts.edges.flatMap(
      (edge) => edge.node.coBuilt ?? [],
    );
    expect(coBuilt).toHaveLength(4);
    expect(coBuilt.map((link) => link.node.coBuilders?.map((builder) => builder.node.id))).toEqual(
      Array(4).fill(["shuangliu-county"]),
    );
    // The same under nodes, after a cursor.
    const first = (await roundTrips(page("first: 3"))).data as {
      districts: { pageInfo: { endCursor: string } };
    };
    const after = `first: 3, after: ${JSON.stringify(first.districts.pageInfo.endCursor)}`;
    const nodes = (directive = "") => `{ districts(${after}) { nodes { id
      ... on District { coBuilt(first: 2) ${directive} { node { id } } } } } }`;
    const ahead = await roundTrips(nodes());
    const levelByLevel = await roundTrips(nodes("@include(if: true)"));
    expect([ahead.trips, levelByLevel.trips]).toEqual([1, 2]);
    expect(ahead.data).toEqual(levelByLevel.data);
    // Two types (University.coBuiltInstitutes) are read as before: the page, then one per type.
    expect(await roundTrips(LEVEL_2)).toMatchObject({
      trips: 1 + typesOf("University", "coBuiltInstitutes"),
    });
  });

  it("counts a list's matches with its page, in the same query, only when totalCount is asked for", async () => {
    type Page = { universities: { totalCount: number; nodes: { id: string }[] } };
    const page = await roundTrips(`{ universities(first: 3) { nodes { id } } }`);
    const counted = await roundTrips(`{ universities(first: 3) { totalCount nodes { id } } }`);
    expect(page.trips).toBe(1);
    expect(counted.trips).toBe(1);
    const all = await roundTrips(`{ universities(first: 100) { nodes { id } } }`);
    const total = (all.data as Page).universities.nodes.length;
    expect(total).toBeGreaterThan(3);
    expect((counted.data as Page).universities.totalCount).toBe(total);
    // With the page's links read in the same query too (list-links-*): still one round trip.
    type Districts = { districts: { totalCount: number; nodes: { id: string }[] } };
    const districts = (await roundTrips(`{ districts(first: 100) { nodes { id } } }`))
      .data as Districts;
    const linked = await roundTrips(`{ districts(first: 3) { totalCount nodes { id
      ... on District { coBuilt(first: 5) { node { id } } } } } }`);
    expect(linked.trips).toBe(1);
    expect((linked.data as Districts).districts.totalCount).toBe(districts.districts.nodes.length);
    // Under a directive, only the field's resolver knows it runs: it counts on its own.
    const directed = await roundTrips(
      `{ universities(first: 3) { totalCount @include(if: true) nodes { id } } }`,
    );
    expect(directed.trips).toBe(2);
    expect((directed.data as Page).universities.totalCount).toBe(total);
    // A page past the end has no row to bring the count: a query of its own counts.
    const endCursor = (await roundTrips(`{ universities(first: 100) { pageInfo { endCursor } } }`))
      .data as { universities: { pageInfo: { endCursor: string } } };
    const past = await roundTrips(
      `query ($after: String) { universities(first: 3, after: $after) { totalCount nodes { id } } }`,
      { after: endCursor.universities.pageInfo.endCursor },
    );
    expect(past.trips).toBe(2);
    expect(past.data).toEqual({ universities: { totalCount: total, nodes: [] } });
  });

  it("reads passages and facts only when asked, in one query for all the entities of a level", async () => {
    const bare = await roundTrips(LEVEL_2);
    const withDetails =
      await roundTrips(`{ universities(first: 100) { nodes { id ... on University {
      coBuiltInstitutes { node { id evidence { passageId quote } facts { key value } } } } } } }`);
    expect(withDetails.trips).toBe(bare.trips + 1);

    type Node = { id: string; evidence: unknown[]; facts: unknown[] };
    const nodes = (
      withDetails.data as {
        universities: { nodes: { coBuiltInstitutes?: { node: Node }[] }[] };
      }
    ).universities.nodes.flatMap((u) => (u.coBuiltInstitutes ?? []).map((r) => r.node));
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    // The same passages and facts as a single-entity read, which brings them with the record.
    for (const node of nodes) {
      const single = await roundTrips(
        `{ entity(id: ${JSON.stringify(node.id)}) { id evidence { passageId quote } facts { key value } } }`,
      );
      expect(single.trips).toBe(1);
      const { entity } = single.data as { entity: Node };
      expect(node.evidence).toEqual(entity.evidence);
      expect(node.facts).toEqual(entity.facts);
      expect(entity.evidence.length).toBeGreaterThan(0);
    }
  });

  it("reads the quotes of a view's edges only when asked, the same as the relationship holds", async () => {
    const bare = await roundTrips(
      `{ neighborhood(id: "shuangliu-county", depth: 2) { edges { id type } } }`,
    );
    const quoted = await roundTrips(
      `{ neighborhood(id: "shuangliu-county", depth: 2) { edges { id evidence { passageId quote } } } }`,
    );
    expect(bare.trips).toBe(1);
    expect(quoted.trips).toBe(2);
    type Edge = { id: string; evidence: { passageId: string; quote: string }[] };
    const edges = (quoted.data as { neighborhood: { edges: Edge[] } }).neighborhood.edges;
    expect(edges.length).toBeGreaterThan(5);
    const stored = await storedEvidence();
    for (const edge of edges) expect(quotesOf(edge)).toEqual(stored.get(edge.id));
    for (const edge of edges) expect(edge.evidence.length).toBeGreaterThan(0);
  });

  it("reads the quotes of relationship fields only when asked, the same as the relationship holds", async () => {
    const field = (evidence: string) =>
      `{ entity(id: "shuangliu-county") { relations(first: 1000) { id ${evidence} } } }`;
    const bare = await roundTrips(field(""));
    const quoted = await roundTrips(field("evidence { passageId quote }"));
    // The entity, then its relations (untyped fields are not read ahead); the quotes add one.
    expect(bare.trips).toBe(2);
    expect(quoted.trips).toBe(3);
    type Link = { id: string; evidence: { passageId: string; quote: string }[] };
    const links = (quoted.data as { entity: { relations: Link[] } }).entity.relations;
    expect(links.length).toBe(5);
    const stored = await storedEvidence();
    for (const link of links) expect(quotesOf(link)).toEqual(stored.get(link.id));
    for (const link of links) expect(link.evidence.length).toBeGreaterThan(0);
  });
});

/** Every relationship's passage ids and quotes as stored, by relationship id: the oracle. */
async function storedEvidence(): Promise<Map<string, string[]>> {
  const records = await runCypher(
    "MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id, r.evidence AS ids, r.quotes AS quotes",
  );
  return new Map(
    records.map((record) => {
      const ids = record.get("ids") as string[];
      const quotes = record.get("quotes") as string[];
      return [String(record.get("id")), ids.map((id, i) => `${id} ${quotes[i]}`).sort()];
    }),
  );
}

function quotesOf(edge: { evidence: { passageId: string; quote: string }[] }): string[] {
  return edge.evidence.map((e) => `${e.passageId} ${e.quote}`).sort();
}
