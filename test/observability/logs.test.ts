import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";

/**
 * One structured log line per request. The logger here has no redaction at all, so the test
 * proves the request log never carries credentials, rather than that pino hides them.
 */

const API_KEY = "reader-key-0123456789abcdef";
const FORGED_TOKEN = "forged.jwt-secret-value.do-not-log-me";

interface Line {
  readonly msg: string;
  readonly requestId?: string;
  readonly operationName?: string | null;
  readonly durationMs?: number;
  readonly dbRoundTrips?: number;
  readonly errorCodes?: string[];
  readonly status?: number;
  readonly method?: string;
}

const lines: string[] = [];
let app: RunningApp;
let db: Database;

beforeAll(async () => {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    PORT: "0",
    API_KEYS: `reader:${API_KEY}`,
  });
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
  db = Database.connect(config);
  app = await startApp({ config, db, logger });
});
afterAll(async () => {
  await app?.stop();
  await db?.close();
});

async function post(query: string, headers: Record<string, string>): Promise<Response> {
  return fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
}

/** The request line with this id, once the response has been logged. */
async function requestLine(requestId: string): Promise<Line> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = lines
      .map((line) => JSON.parse(line) as Line)
      .find((line) => line.msg === "graphql request" && line.requestId === requestId);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for request ${requestId}`);
}

describe("the request log", () => {
  it("has the request id, operation name, duration, round trips and error codes", async () => {
    const response = await post(
      `query Institutes { entity(id: "uestc") { name relations(first: 3) { node { name } } } }`,
      { authorization: `Bearer ${API_KEY}`, "x-request-id": "trace-42" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("trace-42");
    const line = await requestLine("trace-42");
    expect(line).toMatchObject({
      method: "POST",
      status: 200,
      operationName: "Institutes",
      // The entity, then its relations with the entities at their other ends.
      dbRoundTrips: 2,
      errorCodes: [],
    });
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it("gives a request without an id a fresh one, and lists the codes of its errors", async () => {
    const response = await post(`query Empty { search(query: "") { totalCount } }`, {
      "x-api-key": API_KEY,
    });
    const requestId = response.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await requestLine(requestId)).toMatchObject({
      operationName: "Empty",
      errorCodes: ["BAD_USER_INPUT"],
      dbRoundTrips: 0,
    });
  });

  it("logs refused credentials with their code, never the credentials", async () => {
    const response = await post(`query Who { entity(id: "uestc") { id } }`, {
      authorization: `Bearer ${FORGED_TOKEN}`,
      "x-request-id": "forged-1",
    });
    expect(response.status).toBe(401);
    expect(await requestLine("forged-1")).toMatchObject({
      status: 401,
      errorCodes: ["UNAUTHENTICATED"],
      dbRoundTrips: 0,
    });
    const wrongKey = await post(`{ __typename }`, {
      "x-api-key": "not-the-key-but-secret-0987",
      "x-request-id": "forged-2",
    });
    expect(wrongKey.status).toBe(401);
    await requestLine("forged-2");
    const all = lines.join("\n");
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(FORGED_TOKEN);
    expect(all).not.toContain("not-the-key-but-secret-0987");
    expect(all).not.toMatch(/authorization|x-api-key/i);
  });

  it("logs requests refused before GraphQL, such as an oversize body", async () => {
    const response = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "big-1" },
      body: JSON.stringify({ query: "{ __typename }", padding: "x".repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect(await requestLine("big-1")).toMatchObject({
      status: 413,
      errorCodes: ["PAYLOAD_TOO_LARGE"],
      operationName: null,
    });
  });
});
