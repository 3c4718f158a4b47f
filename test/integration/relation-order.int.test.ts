import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import type { DirectionValue } from "../../src/model/records";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { EntityRepository, type RelationKey } from "../../src/repositories/entity.repository";
import { SORT_KEYS_STATE } from "../../src/repositories/seed.repository";
import { buildSeedRows } from "../../src/services/seed-rows";
import { applySchema, seedFromDirectory, SEEDS_DIR } from "../../src/services/seeding";
import { checkSeedSet, loadSeedSet } from "../../src/seeds";
import { AUTH_ENV, as, newKey } from "../helpers/curation";
import { countingQueries, deleteCurationFixture, runCypher } from "../helpers/db";
import { gql, startTestServer, type TestServer } from "../helpers/server";

type Data = Record<string, any>;

const FIXTURE = path.resolve(__dirname, "../fixtures/seeds-curation");

/**
 * Relationship fields read through each type's sort-key index (relation-sort-indexes.cypher). The
 * keys are data kept beside the relationship, so these tests hold them to the answer of expanding
 * and sorting by the other end's name: on the whole seeded graph, after curators link and rename,
 * and after a graph written without keys is upgraded.
 */

/** Relationships of the vocabulary whose sort keys do not say what their ends are called now. */
async function staleSortKeys(): Promise<number> {
  const [record] = await runCypher(
    `MATCH (s:Entity)-[r]->(t:Entity)
     WHERE type(r) IN $types
       AND (r.outKey IS NULL OR r.inKey IS NULL
         OR r.outKey <> s.id + '\\u0001' + t.name + '\\u0001' + t.id
         OR r.inKey <> t.id + '\\u0001' + s.name + '\\u0001' + s.id)
     RETURN count(r) AS stale`,
    { types: RELATION_TYPES },
  );
  return Number(record?.get("stale"));
}

/** The old way, as the oracle: every link of an (entity, type, direction), sorted by name, id. */
async function expandedAndSorted(): Promise<Map<string, string[]>> {
  const records = await runCypher(
    `CALL () {
       MATCH (n:Entity)-[r]->(m:Entity) WHERE type(r) IN $types
       RETURN n, type(r) AS type, 'OUT' AS direction, m
       UNION ALL
       MATCH (n:Entity)<-[r]-(m:Entity) WHERE type(r) IN $types
       RETURN n, type(r) AS type, 'IN' AS direction, m
     }
     WITH n, type, direction, m
     ORDER BY m.name, m.id
     RETURN n.id AS id, type, direction, collect(m.id) AS others`,
    { types: RELATION_TYPES },
  );
  return new Map(
    records.map((record) => [
      `${String(record.get("id"))}|${String(record.get("type"))}|${String(record.get("direction"))}`,
      (record.get("others") as unknown[]).map(String),
    ]),
  );
}

describe("relationship fields read through the sort-key indexes", () => {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let db: Database;
  let server: TestServer;
  const RUN = newKey("order").slice(-8);
  const P = `test-order-${RUN}`;
  const NOTE = { note: "relation order test", author: "test-suite" };

  const cleanup = async (): Promise<void> => {
    await runCypher("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: P });
  };

  async function mutate(query: string, variables: Data): Promise<Data> {
    const response = await gql<Data>(
      server.url,
      query,
      { ...variables, evidence: NOTE, key: newKey() },
      as("editor"),
    );
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  const create = (id: string, kind: string, name: string): Promise<Data> =>
    mutate(
      `mutation ($input: CreateEntityInput!, $evidence: EvidenceInput!, $key: String!) {
        createEntity(input: $input, evidence: $evidence, idempotencyKey: $key) { id } }`,
      { input: { id, kind, name } },
    );
  const link = (source: string, target: string): Promise<Data> =>
    mutate(
      `mutation ($input: LinkInput!, $evidence: EvidenceInput!, $key: String!) {
        link(input: $input, evidence: $evidence, idempotencyKey: $key) { id } }`,
      { input: { source, type: "CO_BUILT", target } },
    );
  const rename = (id: string, name: string): Promise<Data> =>
    mutate(
      `mutation ($id: ID!, $name: String!, $evidence: EvidenceInput!, $key: String!) {
        updateEntity(id: $id, patch: { name: $name }, evidence: $evidence, idempotencyKey: $key) { id } }`,
      { id, name },
    );

  /** The ids a relationship field lists, in its order. */
  async function listed(id: string, kind: string, field: string, first: number): Promise<string[]> {
    const response = await gql<Data>(
      server.url,
      `query ($id: ID!, $first: Int!) { entity(id: $id) { ... on ${kind} {
        ${field}(first: $first) { node { id } } } } }`,
      { id, first },
    );
    expect(response.errors).toBeUndefined();
    return (response.data!.entity[field] as { node: { id: string } }[]).map((r) => r.node.id);
  }
  const coBuilt = (id: string, first: number) => listed(id, "District", "coBuilt", first);
  const coBuilders = (id: string, first: number) =>
    listed(id, "ResearchInstitute", "coBuilders", first);

  beforeAll(async () => {
    db = Database.connect(config);
    await cleanup();
    server = await startTestServer(AUTH_ENV);
  });
  afterAll(async () => {
    await cleanup();
    await server.stop();
    await db.close();
  });

  it("gives every relationship of the seeded graph sort keys that name its ends", async () => {
    expect(await staleSortKeys()).toBe(0);
    const [record] = await runCypher(
      "MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS n",
      { types: RELATION_TYPES },
    );
    // Not a vacuous check: it covered at least every relationship the seeds hold.
    const { checked } = checkSeedSet(await loadSeedSet(SEEDS_DIR));
    const seeded = buildSeedRows(checked).relationships.length;
    expect(seeded).toBeGreaterThan(200);
    expect(Number(record?.get("n"))).toBeGreaterThanOrEqual(seeded);
  });

  it("lists every (entity, type, direction) of the seeded graph as expanding and sorting does, at three sizes", async () => {
    const oracle = await expandedAndSorted();
    expect(oracle.size).toBeGreaterThan(300);
    const repository = new EntityRepository(db);
    for (const limit of [1, 3, 1000]) {
      const keys: RelationKey[] = [...oracle.keys()].map((key) => {
        const [id = "", type = "", direction = ""] = key.split("|");
        return { id, type, direction: direction as DirectionValue, limit };
      });
      const { lists } = await repository.relations(keys);
      const read = new Map(
        keys.map((key, index) => [
          `${key.id}|${key.type}|${key.direction}`,
          (lists[index] ?? []).map((relation) => relation.otherId),
        ]),
      );
      const expected = new Map(
        [...oracle.entries()].map(([key, others]) => [key, others.slice(0, limit)]),
      );
      expect(read).toEqual(expected);
    }
  });

  it("lists every (entity, direction) of the seeded graph over all types as expanding and sorting does, hubs included, at three sizes", async () => {
    // The oracle: every link of the direction, by the other end's name, id, then type.
    const records = await runCypher(
      `CALL () {
         MATCH (n:Entity)-[r]->(m:Entity) WHERE type(r) IN $types
         RETURN n, r, 'OUT' AS direction, m
         UNION ALL
         MATCH (n:Entity)<-[r]-(m:Entity) WHERE type(r) IN $types
         RETURN n, r, 'IN' AS direction, m
       }
       WITH n, r, direction, m
       ORDER BY m.name, m.id, type(r)
       RETURN n.id AS id, direction, collect(r.id) AS links`,
      { types: RELATION_TYPES },
    );
    const oracle = new Map(
      records.map((record) => [
        `${String(record.get("id"))}|${String(record.get("direction"))}`,
        (record.get("links") as unknown[]).map(String),
      ]),
    );
    expect(oracle.size).toBeGreaterThan(250);
    // Which queries read them: relations-of, and relations-of-hubs for the entities with more
    // than 4 × limit relationships.
    const { queries: counting, asked } = countingQueries(db);
    const repository = new EntityRepository(counting);
    for (const limit of [1, 3, 1000]) {
      const keys: RelationKey[] = [...oracle.keys()].map((key) => {
        const [id = "", direction = ""] = key.split("|");
        return { id, type: null, direction: direction as DirectionValue, limit };
      });
      const { lists } = await repository.relations(keys);
      const read = new Map(
        keys.map((key, index) => [
          `${key.id}|${key.direction}`,
          (lists[index] ?? []).map((relation) => relation.id),
        ]),
      );
      const expected = new Map(
        [...oracle.entries()].map(([key, links]) => [key, links.slice(0, limit)]),
      );
      expect(read).toEqual(expected);
    }
    // Hubs at sizes 1 and 3 (more than 4 and 12 relationships), none at 1000.
    expect(Object.fromEntries(asked)).toEqual({ "relations-of": 3, "relations-of-hubs": 2 });
  });

  it("lists a district's institutes by name after curators link and rename them, and the builders of an institute after a builder is renamed", async () => {
    await create(`${P}-d`, "District", "排序测试区");
    await create(`${P}-e`, "District", "安排测试区");
    // By code point: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532).
    await create(`${P}-a`, "ResearchInstitute", "甲排序研究院");
    await create(`${P}-b`, "ResearchInstitute", "乙排序研究院");
    await create(`${P}-c`, "ResearchInstitute", "丙排序研究院");
    for (const institute of ["a", "b", "c"]) await link(`${P}-d`, `${P}-${institute}`);
    await link(`${P}-e`, `${P}-a`);

    expect(await coBuilt(`${P}-d`, 2)).toEqual([`${P}-c`, `${P}-b`]);
    expect(await coBuilders(`${P}-a`, 5)).toEqual([`${P}-e`, `${P}-d`]);

    // 一 (U+4E00) sorts first: the district's list takes the new name, with its first two.
    await rename(`${P}-a`, "一排序研究院");
    expect(await coBuilt(`${P}-d`, 2)).toEqual([`${P}-a`, `${P}-c`]);
    expect(await coBuilt(`${P}-d`, 1000)).toEqual([`${P}-a`, `${P}-c`, `${P}-b`]);
    // A renamed builder moves in the institute's list of builders (the incoming side).
    await rename(`${P}-e`, "甲排序测试区");
    expect(await coBuilders(`${P}-a`, 5)).toEqual([`${P}-d`, `${P}-e`]);
    expect(await staleSortKeys()).toBe(0);
  });

  it("gives curated relationships the new name of an entity that seeding renamed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "seeds-renamed-"));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      await seedFromDirectory(db, FIXTURE);
      // A curator's link, which the seeds do not hold: only the rename pass can fix its keys.
      await link("fixture-district", `${P}-b`);
      // 夹 (U+5939) sorts before 排 (U+6392).
      expect(await coBuilders(`${P}-b`, 5)).toEqual(["fixture-district", `${P}-d`]);
      const file = path.join(dir, "entities", "fixture.json");
      const entities = JSON.parse(readFileSync(file, "utf8")) as { id: string; name: string }[];
      // A name no document writes must say it was made (seeds:check); this one is a fixture's.
      for (const entity of entities) {
        if (entity.id !== "fixture-district") continue;
        Object.assign(entity, {
          name: "甲夹具区",
          nameInferred: true,
          description: "A fixture's new name, constructed for the test.",
        });
      }
      writeFileSync(file, JSON.stringify(entities));
      await seedFromDirectory(db, dir);
      // 甲 (U+7532) sorts after 排.
      expect(await coBuilders(`${P}-b`, 5)).toEqual([`${P}-d`, "fixture-district"]);
      expect(await staleSortKeys()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await deleteCurationFixture();
    }
  });

  it("gives sort keys to relationships written without them when the schema is applied", async () => {
    // A database an earlier release wrote: relationships without keys, and no record of them.
    await runCypher(
      `MATCH (n:Entity)-[r]-(:Entity) WHERE n.id STARTS WITH $p REMOVE r.outKey, r.inKey`,
      { p: P },
    );
    await runCypher("MATCH (s:SeedState {id: $id}) DELETE s", { id: SORT_KEYS_STATE });
    expect(await staleSortKeys()).toBe(4);
    // Without keys, the index knows nothing of them.
    expect(await coBuilt(`${P}-d`, 10)).toEqual([]);
    await applySchema(db);
    expect(await staleSortKeys()).toBe(0);
    const [state] = await runCypher("MATCH (s:SeedState {id: $id}) RETURN s.checksum AS v", {
      id: SORT_KEYS_STATE,
    });
    expect(state?.get("v")).toBe("1");
    expect(await coBuilt(`${P}-d`, 10)).toEqual([`${P}-a`, `${P}-c`, `${P}-b`]);
  });
});
