import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boltUri, loadConfig, type Config } from "../../src/config";
import { killNeo4j, neo4jStatus, startNeo4j } from "../../scripts/neo4j/manager";
import { AUTH_ENV, as, newKey } from "../helpers/curation";
import { deleteEntitiesWithPrefix, runCypher } from "../helpers/db";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * Kills the project-managed Neo4j with SIGKILL in the middle of a write load, restarts it with the
 * project's own script, and checks that every write the API acknowledged is still there, found by
 * its idempotency key. Also measures how long the API takes to answer again by itself.
 */
const CREATE = `mutation ($input: CreateEntityInput!, $key: String!) {
  createEntity(input: $input, evidence: { note: "fault test", author: "test-suite" }, idempotencyKey: $key) { id } }`;
const PREFIX = `test-fault-${newKey("r").slice(-8)}`;
const quiet = { logger: { info: () => undefined, error: () => undefined } };

interface Ack {
  readonly key: string;
  readonly id: string;
}

describe("a Neo4j killed under write load", () => {
  const config: Config = loadConfig({ ...process.env, NODE_ENV: "test", NEO4J_URI: "" });
  let server: TestServer;

  beforeAll(async () => {
    const status = await neo4jStatus(config, quiet);
    if (status.pid === undefined) {
      throw new Error(
        "The fault tests kill and restart the project-managed Neo4j; run them with `npm test` (not against NEO4J_URI).",
      );
    }
    server = await startTestServer({
      ...AUTH_ENV,
      NEO4J_URI: boltUri(config),
      REQUEST_TIMEOUT_MS: "5000",
    });
  });

  afterAll(async () => {
    await startNeo4j(config, quiet);
    await deleteEntitiesWithPrefix(PREFIX);
    await server.stop();
  });

  it("loses no acknowledged write, answers SERVICE_UNAVAILABLE while down, and recovers by itself", async () => {
    const acknowledged: Ack[] = [];
    const refusedCodes = new Set<string>();
    let sent = 0;
    let stop = false;
    let killedAt = 0;

    const worker = async (): Promise<void> => {
      while (!stop) {
        const n = sent++;
        const key = newKey(`fault-${n}`);
        const id = `${PREFIX}-${n}`;
        const started = Date.now();
        const response = await gql<{ createEntity: { id: string } }>(
          server.url,
          CREATE,
          { input: { id, kind: "Enterprise", name: `故障测试${id}` }, key },
          as("editor"),
        );
        if (response.data?.createEntity?.id === id) acknowledged.push({ key, id });
        else {
          for (const error of response.errors ?? [])
            refusedCodes.add(String(error.extensions?.code));
          // While the database is down every request must end within its deadline, not hang.
          expect(Date.now() - started).toBeLessThan(15_000);
        }
        if (killedAt === 0 && acknowledged.length >= 15) {
          killedAt = Date.now();
          await killNeo4j(config, quiet);
          setTimeout(() => {
            stop = true;
          }, 1_500);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(killedAt).toBeGreaterThan(0);
    expect([...refusedCodes]).toEqual(["SERVICE_UNAVAILABLE"]);

    const base = server.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await startNeo4j(config, quiet);
    const restarted = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - restarted < 60_000) {
      const probe = await gql(server.url, `{ entity(id: "uestc") { id } }`);
      recovered = probe.errors === undefined;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recoverySeconds = (Date.now() - restarted) / 1000;
    expect(recovered).toBe(true);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const records = await runCypher(
      `UNWIND $acks AS ack
       OPTIONAL MATCH (m:MutationRecord {key: ack.key})
       OPTIONAL MATCH (n:Entity {id: ack.id})
       RETURN ack.key AS key, m IS NOT NULL AS recorded, n IS NOT NULL AS present`,
      { acks: acknowledged },
    );
    const lost = records
      .filter((r) => r.get("recorded") !== true || r.get("present") !== true)
      .map((r) => r.get("key"));
    process.stdout.write(
      `[fault] sent ${sent}, acknowledged ${acknowledged.length}, lost ${lost.length}, recovered ${recoverySeconds.toFixed(1)} s after Neo4j answered\n`,
    );
    expect(lost).toEqual([]);
    expect(records).toHaveLength(acknowledged.length);

    // A replay of an acknowledged write, after the restart, returns its first result.
    const first = acknowledged[0]!;
    const replay = await gql<{ createEntity: { id: string } }>(
      server.url,
      CREATE,
      { input: { id: first.id, kind: "Enterprise", name: `故障测试${first.id}` }, key: first.key },
      as("editor"),
    );
    expect(replay.data?.createEntity).toEqual({ id: first.id });
  }, 180_000);
});
