import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { TraversalRepository } from "../../src/repositories/traversal.repository";
import { runCypher } from "../helpers/db";

/**
 * shortest-paths.cypher has its hop bound written in the pattern. The oracle is the form it
 * replaced, which searched up to six hops and dropped the paths longer than the bound afterwards:
 * the same answer, found by a search that did not stop at the bound.
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

  it("finds the same shortest paths as a search to six hops filtered by the bound, at every bound", async () => {
    const repository = new TraversalRepository(db);
    const found = new Map<number, number>();
    for (const fromId of ids) {
      for (const toId of ids) {
        if (fromId === toId) continue;
        for (const hops of [1, 2, 4]) {
          const { paths } = await repository.shortestPaths(fromId, toId, hops, RELATION_TYPES, 50);
          const expected = await oracle(fromId, toId, hops);
          // At most 50 are asked for; every pair of the seeded graph has fewer.
          expect(expected.length).toBeLessThan(50);
          expect(paths.map((path) => path.hops.map((hop) => hop.id).join(" ")).sort()).toEqual(
            expected,
          );
          const length = paths[0]?.hops.length ?? 0;
          found.set(length, (found.get(length) ?? 0) + 1);
        }
      }
    }
    // Not vacuous: pairs with no path within the bound, and paths of one to four hops.
    expect([...found.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
