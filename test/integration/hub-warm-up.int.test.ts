import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { Database, type Queries } from "../../src/db/database";
import type { QueryRef } from "../../src/db/cypher";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { EntityRepository } from "../../src/repositories/entity.repository";
import { TraversalRepository } from "../../src/repositories/traversal.repository";

// The queries past hubs (the path search, the reads of a hub's relationships and counts) are
// planned in the background after the service starts (warmUpHubQueries): no warm-up operation
// reaches them on the seeded graph.

let db: Database;
beforeAll(() => {
  db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
});
afterAll(async () => {
  await db.close();
});

/** The queries a repository asks, as "name" or "name:TYPE", and the rows each gave. */
function recording(inner: Queries): { queries: Queries; asked: string[]; rows: number[] } {
  const asked: string[] = [];
  const rows: number[] = [];
  const label = (ref: QueryRef): string =>
    typeof ref === "string" ? ref : "type" in ref ? `${ref.query}:${ref.type}` : ref.query;
  const queries: Queries = {
    read: async (ref, params) => {
      asked.push(label(ref));
      const result = await inner.read(ref, params);
      rows.push(result.length);
      return result;
    },
    write: () => Promise.reject(new Error("planning the queries past hubs must not write")),
  };
  return { queries, asked, rows };
}

describe("planning the queries past hubs", () => {
  it("runs the hub query, every type's kept links, a level and the records, reading nothing", async () => {
    const { queries, asked, rows } = recording(db);
    const ran = await new TraversalRepository(queries).planHubSearch();
    expect(ran).toBe(RELATION_TYPES.length + 3);
    expect(asked).toEqual([
      "shortest-paths-hubs",
      ...RELATION_TYPES.map((type) => `shortest-paths-hub-links:${type}`),
      "shortest-paths-level",
      "shortest-paths-records",
    ]);
    // The ids name no entity: the hub and kept-links queries find none, the level and the records
    // queries answer one row of empty lists.
    expect(rows).toEqual([...asked.slice(0, -2).map(() => 0), 1, 1]);
  });

  it("stops between queries once told to", async () => {
    const { queries, asked } = recording(db);
    const ran = await new TraversalRepository(queries).planHubSearch(() => asked.length >= 3);
    expect(ran).toBe(3);
    expect(asked).toEqual([
      "shortest-paths-hubs",
      `shortest-paths-hub-links:${RELATION_TYPES[0]}`,
      `shortest-paths-hub-links:${RELATION_TYPES[1]}`,
    ]);
  });

  it("plans the reads of a hub's relationships and counts, reading nothing", async () => {
    const { queries, asked, rows } = recording(db);
    expect(await new EntityRepository(queries).planHubReads()).toBe(2);
    expect(asked).toEqual(["relations-of-hubs", "relation-counts-hubs"]);
    expect(rows).toEqual([0, 0]);
    const stopping = recording(db);
    const once = await new EntityRepository(stopping.queries).planHubReads(
      () => stopping.asked.length >= 1,
    );
    expect(once).toBe(1);
    expect(stopping.asked).toEqual(["relations-of-hubs"]);
  });

  it("runs after a start with WARM_UP, logs how many queries it ran, and not without it", async () => {
    for (const warmUp of [true, false]) {
      const lines: string[] = [];
      const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
      const config = loadConfig({
        ...process.env,
        NODE_ENV: "test",
        PORT: "0",
        WARM_UP: String(warmUp),
      });
      const app = await startApp({ config, db, logger });
      try {
        await app.hubQueriesWarmed;
        const warmed = lines
          .map((line) => JSON.parse(line) as { msg: string; queries?: number; level: number })
          .filter((entry) => entry.msg.startsWith("warm") && entry.msg.includes("hubs"));
        expect(warmed.map(({ msg, queries, level }) => ({ msg, queries, level }))).toEqual(
          warmUp
            ? [
                {
                  msg: "warmed the path search past hubs",
                  queries: RELATION_TYPES.length + 3,
                  level: 30,
                },
                { msg: "warmed the reads of hubs", queries: 2, level: 30 },
              ]
            : [],
        );
      } finally {
        await app.stop();
      }
    }
  });
});
