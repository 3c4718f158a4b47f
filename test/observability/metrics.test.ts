import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";

const metricsUrl = (server: TestServer): string => server.url.replace(/\/graphql$/, "/metrics");

async function scrape(server: TestServer): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(metricsUrl(server));
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get("content-type") ?? "",
  };
}

/** The value of one series, or undefined when it is not exposed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  // Two apps in one process: each has its own registry, so neither sees the other's requests.
  [server, other] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), other?.stop()]);
});

describe("GET /metrics", () => {
  it("exposes request rate, latency, errors, Neo4j query durations, sessions and Node metrics", async () => {
    const ok = await gql(
      server.url,
      `query Probe { entity(id: "uestc") { name relations(first: 2) { id } } }`,
    );
    expect(ok.status).toBe(200);
    const bad = await gql(server.url, `query Bad { search(query: "") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const refused = await gql(server.url, `{ entities(first: 100000) { totalCount } }`);
    expect(refused.status).toBe(400);

    const { status, text, type } = await scrape(server);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'graphql_requests_total{operation="Probe",status="200"}')).toBe(1);
    expect(sample(text, 'graphql_requests_total{operation="Bad",status="200"}')).toBe(1);
    expect(sample(text, 'graphql_requests_total{operation="anonymous",status="400"}')).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_count{operation="Probe"}')).toBe(1);
    expect(
      sample(text, 'graphql_request_duration_seconds_bucket{le="+Inf",operation="Probe"}'),
    ).toBe(1);
    expect(sample(text, 'graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(2);
    expect(
      sample(text, 'neo4j_query_duration_seconds_count{query="entities-by-ids",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'neo4j_query_duration_seconds_count{query="relations-of",outcome="ok"}'),
    ).toBe(1);
    expect(sample(text, "neo4j_sessions_in_flight")).toBe(0);
    expect(sample(text, "graphql_deadline_exceeded_total")).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);

    const elsewhere = await scrape(other);
    expect(elsewhere.text).not.toContain('operation="Probe"');
  });

  it("bounds the operation-name label: a name that is not a GraphQL name is 'invalid'", async () => {
    await gql(server.url, `query ${"A".repeat(200)} { __typename }`);
    const { text } = await scrape(server);
    expect(text).toContain('graphql_requests_total{operation="invalid",status="200"} 1');
  });

  it("is absent when METRICS_ENABLED=false", async () => {
    const quiet = await startTestServer({ METRICS_ENABLED: "false" });
    try {
      expect((await fetch(metricsUrl(quiet))).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
