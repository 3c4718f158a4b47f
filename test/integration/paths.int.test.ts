import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../../src/auth/principal";
import { loadConfig } from "../../src/config";
import { Database, type Queries } from "../../src/db/database";
import { DEFAULT_PATH_HUB_BOUND } from "../../src/model/bounds";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { TraversalRepository } from "../../src/repositories/traversal.repository";
import { createServices } from "../../src/services";
import { TraversalService, type PathSearchView } from "../../src/services/traversal.service";
import { countingQueries, deleteEntitiesWithPrefix, runCypher } from "../helpers/db";
import { gql, startTestServer, type Data, type TestServer } from "../helpers/server";

/**
 * shortest-paths.cypher has its hop bound written in the pattern. The oracle is the form it
 * replaced, which searched up to six hops and dropped the paths longer than the bound afterwards:
 * the same answer, found by a search that did not stop at the bound, nor at a hub end.
 */
async function oracle(fromId: string, toId: string, hops: number): Promise<string[]> {
  const records = await runCypher(
    `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
     MATCH p = allShortestPaths((a)-[*..6]-(b))
     WHERE length(p) <= $hops AND all(r IN relationships(p) WHERE type(r) IN $types)
     RETURN [r IN relationships(p) | r.id] AS hops`,
    { fromId, toId, hops, types: RELATION_TYPES },
  );
  return records.map((record) => (record.get("hops") as string[]).join(" ")).sort();
}

/**
 * A path search's service over the test database, with the bound given; its path queries go
 * through `queries` (the database itself unless a test counts them).
 */
function traversal(db: Database, pathHubBound: number, queries: Queries = db): TraversalService {
  return new TraversalService(
    new TraversalRepository(queries),
    createServices(db, ANONYMOUS).graph,
    { pathHubBound },
  );
}

/** Each path as its entity ids joined by >, sorted: the answer without its records. */
function routes(search: PathSearchView): string[] {
  return search.paths.map((path) => path.nodes.map((node) => node.id).join(">")).sort();
}

describe("shortest paths", () => {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let db: Database;
  let ids: string[];

  beforeAll(async () => {
    db = Database.connect(config);
    const records = await runCypher(
      "MATCH (n:Entity) WHERE COUNT { (n)--(:Entity) } > 0 RETURN n.id AS id ORDER BY id",
    );
    const all = records.map((record) => String(record.get("id")));
    // Twenty linked entities spread over the sorted ids, and the pairs between them.
    ids = Array.from({ length: 20 }, (_, i) => all[Math.floor((i * all.length) / 20)] ?? "");
  });
  afterAll(async () => {
    await db.close();
  });

  it("finds the same shortest paths as a search to six hops filtered by the bound, at every bound, and says it was exhaustive", async () => {
    const { queries, asked } = countingQueries(db);
    const service = traversal(db, DEFAULT_PATH_HUB_BOUND, queries);
    const found = new Map<number, number>();
    for (const fromId of ids) {
      for (const toId of ids) {
        if (fromId === toId) continue;
        for (const hops of [1, 2, 4]) {
          const search = await service.pathSearch(fromId, toId, hops, 50);
          const expected = await oracle(fromId, toId, hops);
          // At most 50 are asked for; every pair of the seeded graph has fewer.
          expect(expected.length).toBeLessThan(50);
          expect(
            search.paths.map((path) => path.hops.map((hop) => hop.id).join(" ")).sort(),
          ).toEqual(expected);
          expect([search.exhaustive, search.bound, search.boundedEnds]).toEqual([true, null, []]);
          const length = search.paths[0]?.hops.length ?? 0;
          found.set(length, (found.get(length) ?? 0) + 1);
        }
      }
    }
    // Not vacuous: pairs with no path within the bound, and paths of one to four hops.
    expect([...found.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    // Below the bound, one query per search: the hub query is never asked.
    expect(asked.get("shortest-paths")).toBe(20 * 19 * 3);
    expect(asked.get("shortest-paths-hubs")).toBeUndefined();
    // Some 2,300 queries one after another (each search and its oracle), about 30 s on a busy
    // 2-core machine; the bound only stops a hung run.
  }, 180_000);
});

// FIXTURE, not fact: a fictional graph of two hubs, each with 30 links, and the entities around
// them (ids fixture-paths-…, names 测试…), written by the test with the sort keys the service
// writes, and removed after it.
const PREFIX = "fixture-paths-";
const HUB = `${PREFIX}hub`;
const HUB_2 = `${PREFIX}hub-2`;
const TARGET = `${PREFIX}target`;
const FAR = `${PREFIX}far`;
const VIA = `${PREFIX}via`;
const leaf = (n: number): string => `${PREFIX}leaf-${String(n).padStart(2, "0")}`;
const mate = (n: number): string => `${PREFIX}mate-${String(n).padStart(2, "0")}`;

/** [source, type, target] of the fixture's relationships. */
function fixtureLinks(): [string, string, string][] {
  const links: [string, string, string][] = [];
  // The hub's links: CO_BUILT out to leaves 1–20, SUPPORTS in from leaves 21–30. At a bound of 5
  // the search keeps leaves 1–5 and 21–25 (the first five of each type and direction by name).
  for (let n = 1; n <= 20; n += 1) links.push([HUB, "CO_BUILT", leaf(n)]);
  for (let n = 21; n <= 30; n += 1) links.push([leaf(n), "SUPPORTS", HUB]);
  // The second hub: CO_BUILT out to mates 1–30; at a bound of 5 it keeps mates 1–5.
  for (let n = 1; n <= 30; n += 1) links.push([HUB_2, "CO_BUILT", mate(n)]);
  // The target is two hops from the hub through leaves 2 and 23 (kept) and 6, 12 and 27 (not).
  for (const n of [2, 6, 12, 23, 27]) links.push([leaf(n), "LOCATED_IN", TARGET]);
  // FAR is two hops away through leaf 15 (not kept), three through leaf 4 and VIA (kept).
  links.push([leaf(15), "LOCATED_IN", FAR]);
  links.push([leaf(4), "LOCATED_IN", VIA]);
  links.push([VIA, "LOCATED_IN", FAR]);
  // Hub to hub: two hops through leaf 30 (kept by neither), three through leaf 3 and mate 4 (kept
  // by both) and through leaf 1 and mate 20 (not kept by the second hub).
  links.push([leaf(30), "SUPPORTS", HUB_2]);
  links.push([leaf(3), "PART_OF", mate(4)]);
  links.push([leaf(1), "PART_OF", mate(20)]);
  return links;
}

async function writeFixture(): Promise<void> {
  const ids = [HUB, HUB_2, TARGET, FAR, VIA];
  for (let n = 1; n <= 30; n += 1) ids.push(leaf(n), mate(n));
  await runCypher(
    `UNWIND $ids AS id
     CREATE (:Entity {id: id, kind: 'ResearchInstitute', name: '测试' + substring(id, size($prefix))})`,
    { ids, prefix: PREFIX },
  );
  await runCypher(
    `UNWIND $links AS link
     MATCH (s:Entity {id: link[0]}), (t:Entity {id: link[2]})
     CALL (s, t, link) {
       CREATE (s)-[r:$(link[1])]->(t)
       SET r.id = s.id + '|' + link[1] + '|' + t.id,
         r.evidenceKind = 'explicit',
         r.confidence = 1.0,
         r.outKey = s.id + '\\u0001' + t.name + '\\u0001' + t.id,
         r.inKey = t.id + '\\u0001' + s.name + '\\u0001' + s.id
     }`,
    { links: fixtureLinks() },
  );
}

describe("shortest paths past a hub end", () => {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let db: Database;

  beforeAll(async () => {
    db = Database.connect(config);
    await deleteEntitiesWithPrefix(PREFIX);
    await writeFixture();
  });
  afterAll(async () => {
    await deleteEntitiesWithPrefix(PREFIX);
    await db.close();
  });

  it("below the bound, searches every link and says so", async () => {
    // 30 links is not more than 30: exact, as with the default bound.
    for (const bound of [30, DEFAULT_PATH_HUB_BOUND]) {
      const search = await traversal(db, bound).pathSearch(HUB, TARGET, 4, 50);
      expect(routes(search)).toEqual(
        [2, 6, 12, 23, 27].map((n) => `${HUB}>${leaf(n)}>${TARGET}`).sort(),
      );
      expect([search.exhaustive, search.bound, search.boundedEnds]).toEqual([true, null, []]);
    }
  });

  it("past the bound, searches only the hub's first links of each type and direction, and says so", async () => {
    const search = await traversal(db, 5).pathSearch(HUB, TARGET, 4, 50);
    expect(routes(search)).toEqual([`${HUB}>${leaf(2)}>${TARGET}`, `${HUB}>${leaf(23)}>${TARGET}`]);
    expect([search.exhaustive, search.bound, search.boundedEnds]).toEqual([false, 5, [HUB]]);
    // The same from the other side: the hub is then the end toId names.
    const back = await traversal(db, 5).pathSearch(TARGET, HUB, 4, 50);
    expect(routes(back)).toEqual([`${TARGET}>${leaf(2)}>${HUB}`, `${TARGET}>${leaf(23)}>${HUB}`]);
    expect([back.exhaustive, back.bound, back.boundedEnds]).toEqual([false, 5, [HUB]]);
  });

  it("past the bound, keeps the first links still stated: what is hidden as of a day is skipped, not counted", async () => {
    const repository = new TraversalRepository(db);
    const search = (options: { hiddenEntities?: string[]; hiddenRels?: string[] }) =>
      repository.shortestPaths(HUB, TARGET, 4, RELATION_TYPES, 50, { bound: 5, ...options });
    const ids = (found: Awaited<ReturnType<typeof search>>): string[] =>
      found.paths.map((path) => path.nodes.map((node) => node.id).join(">")).sort();
    // Leaf 2 hidden: the first five CO_BUILT links still stated are leaves 1 and 3 to 6.
    const hidden = await search({ hiddenEntities: [leaf(2)] });
    expect(ids(hidden)).toEqual([`${HUB}>${leaf(6)}>${TARGET}`, `${HUB}>${leaf(23)}>${TARGET}`]);
    expect(hidden.boundedEnds).toEqual([HUB]);
    // The hub's link to leaf 2 hidden: the same cut; leaf 23's link to the target hidden: one route.
    const rels = await search({
      hiddenRels: [`${HUB}|CO_BUILT|${leaf(2)}`, `${leaf(23)}|LOCATED_IN|${TARGET}`],
    });
    expect(ids(rels)).toEqual([`${HUB}>${leaf(6)}>${TARGET}`]);
  });

  it("past the bound, finds the shortest path through the links kept, even when a shorter one is left out", async () => {
    expect(routes(await traversal(db, 30).pathSearch(HUB, FAR, 4, 50))).toEqual([
      `${HUB}>${leaf(15)}>${FAR}`,
    ]);
    const search = await traversal(db, 5).pathSearch(HUB, FAR, 4, 50);
    expect(routes(search)).toEqual([`${HUB}>${leaf(4)}>${VIA}>${FAR}`]);
    expect(search.paths.map((path) => path.length)).toEqual([3]);
    // Within two hops, the links kept reach nothing: an empty answer, still flagged.
    const near = await traversal(db, 5).pathSearch(HUB, FAR, 2, 50);
    expect([routes(near), near.exhaustive]).toEqual([[], false]);
  });

  it("bounds both ends when both are hubs", async () => {
    expect(routes(await traversal(db, 30).pathSearch(HUB, HUB_2, 4, 50))).toEqual([
      `${HUB}>${leaf(30)}>${HUB_2}`,
    ]);
    const search = await traversal(db, 5).pathSearch(HUB, HUB_2, 4, 50);
    expect(routes(search)).toEqual([`${HUB}>${leaf(3)}>${mate(4)}>${HUB_2}`]);
    expect([search.exhaustive, search.bound, search.boundedEnds]).toEqual([false, 5, [HUB, HUB_2]]);
  });

  it("past the bound, reads the hub's first links only of the types it has, and searches on from them", async () => {
    const { queries, asked } = countingQueries(db);
    const search = await traversal(db, 5, queries).pathSearch(HUB, FAR, 4, 50);
    expect(routes(search)).toEqual([`${HUB}>${leaf(4)}>${VIA}>${FAR}`]);
    // The hub has CO_BUILT and SUPPORTS links: one query for which, one per type for its first
    // links, then the levels between its kept leaves and FAR (two: FAR's neighbours, then theirs
    // meet leaf 4), and the records of the path.
    expect(Object.fromEntries(asked)).toEqual({
      "shortest-paths": 1,
      "shortest-paths-hubs": 1,
      "shortest-paths-hub-links": 2,
      "shortest-paths-level": 2,
      "shortest-paths-records": 1,
    });
  });

  it("from a hub to itself, searches nothing and is exhaustive", async () => {
    const search = await traversal(db, 5).pathSearch(HUB, HUB, 4, 50);
    expect([routes(search), search.exhaustive, search.boundedEnds]).toEqual([[HUB], true, []]);
  });

  describe("through the API", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ PATH_HUB_BOUND: "5" });
    });
    afterAll(async () => {
      await server.stop();
    });

    it("pathSearch gives the paths with the flag, the bound and the bounded ends; paths the same paths", async () => {
      const variables = { from: HUB, to: FAR };
      const search = await gql<Data>(
        server.url,
        `query ($from: ID!, $to: ID!) { pathSearch(fromId: $from, toId: $to) {
          paths { length nodes { id } } exhaustive bound boundedEnds } }`,
        variables,
      );
      expect(search.errors).toBeUndefined();
      expect(search.data?.pathSearch).toEqual({
        paths: [{ length: 3, nodes: [HUB, leaf(4), VIA, FAR].map((id) => ({ id })) }],
        exhaustive: false,
        bound: 5,
        boundedEnds: [HUB],
      });
      const paths = await gql<Data>(
        server.url,
        `query ($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to) { length nodes { id } } }`,
        variables,
      );
      expect(paths.data?.paths).toEqual(search.data?.pathSearch.paths);
    });

    it("pathSearch between seeded entities is exhaustive and gives what paths gives", async () => {
      const query = `{ pathSearch(fromId: "uestc", toId: "shuangliu-county", maxHops: 4) {
        paths { nodes { id } hops { id } } exhaustive bound boundedEnds } }`;
      const search = (await gql<Data>(server.url, query)).data?.pathSearch as Data;
      const paths = await gql<Data>(
        server.url,
        `{ paths(fromId: "uestc", toId: "shuangliu-county", maxHops: 4) { nodes { id } hops { id } } }`,
      );
      expect([search.exhaustive, search.bound, search.boundedEnds]).toEqual([true, null, []]);
      expect(
        (search.paths as Data[]).map((p) => (p.hops as Data[]).map((h) => h.id).join(" ")).sort(),
      ).toEqual(await oracle("uestc", "shuangliu-county", 4));
      expect(paths.data?.paths).toEqual(search.paths);
    });
  });
});
