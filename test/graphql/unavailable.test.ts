import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";

describe("when Neo4j cannot be reached", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused at once.
    server = await startTestServer({ NEO4J_URI: "neo4j://127.0.0.1:1" });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers SERVICE_UNAVAILABLE without internals, within the request deadline", async () => {
    const started = Date.now();
    const response = await gql(server.url, `{ entity(id: "uestc") { id } }`);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|ECONNREFUSED|127\.0\.0\.1:1|MATCH/);
  });

  it("reports not ready on /readyz while staying alive on /healthz", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
