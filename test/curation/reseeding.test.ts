import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { seedFromDirectory } from "../../src/services/seeding";
import { AUTH_ENV, as, newKey } from "../helpers/curation";
import { deleteCurationFixture } from "../helpers/db";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * Seeding again (a restart, a new release of seeds/) must not undo a curator's work: an edited
 * entity keeps its edit, a removed relationship stays removed. Uses a small fixture seed set with
 * its own ids, removed afterwards.
 */
const FIXTURE = path.resolve(__dirname, "../fixtures/seeds-curation");
const NOTE = { note: "curation beats seeds", author: "test-suite" };

describe("seeding after curation", () => {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  let db: Database;
  let server: TestServer;

  const cleanup = deleteCurationFixture;

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

  it("keeps a curator's edit and a curator's unlink when the same seeds are applied again", async () => {
    await seedFromDirectory(db, FIXTURE);
    const edit = await gql(
      server.url,
      `mutation ($key: String!, $evidence: EvidenceInput!) {
        updateEntity(id: "fixture-institute", patch: { description: "curated description" }, evidence: $evidence, idempotencyKey: $key) { id } }`,
      { key: newKey(), evidence: NOTE },
      as("editor"),
    );
    expect(edit.errors).toBeUndefined();
    const unlink = await gql(
      server.url,
      `mutation ($key: String!, $evidence: EvidenceInput!) {
        unlink(source: "fixture-district", type: CO_BUILT, target: "fixture-institute", evidence: $evidence, idempotencyKey: $key) { removed } }`,
      { key: newKey(), evidence: NOTE },
      as("editor"),
    );
    expect(unlink.errors).toBeUndefined();

    const summary = await seedFromDirectory(db, FIXTURE);
    expect(summary.skipped).toBe(false);

    const after = await gql<{ entity: { description: string; relations: unknown[] } }>(
      server.url,
      `{ entity(id: "fixture-institute") { description relations { id } } }`,
    );
    expect(after.data?.entity).toEqual({ description: "curated description", relations: [] });
  });

  it("keeps the later-name and pinyin forms of an entity a curator edits, and gives new names theirs", async () => {
    await seedFromDirectory(db, FIXTURE);
    const resolved = async (name: string): Promise<string[]> =>
      (
        await gql<{ resolve: { id: string }[] }>(
          server.url,
          `query ($n: String!) { resolve(name: $n) { id } }`,
          { n: name },
        )
      ).data!.resolve.map((entity) => entity.id);
    const edit = await gql(
      server.url,
      `mutation ($key: String!, $evidence: EvidenceInput!) {
        updateEntity(id: "fixture-institute", patch: { aliases: ["夹具院", "测试院"] }, evidence: $evidence, idempotencyKey: $key) { id } }`,
      { key: newKey(), evidence: NOTE },
      as("editor"),
    );
    expect(edit.errors).toBeUndefined();
    expect(await resolved("夹具大学研究院")).toEqual(["fixture-institute"]);
    expect(await resolved("jiaju yanjiuyuan")).toEqual(["fixture-institute"]);
    expect(await resolved("ceshiyuan")).toEqual(["fixture-institute"]);
  });

  it("skips the writes at start when the seed set is unchanged", async () => {
    await seedFromDirectory(db, FIXTURE);
    expect((await seedFromDirectory(db, FIXTURE, { onlyIfChanged: true })).skipped).toBe(true);
  });
});
