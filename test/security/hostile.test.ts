import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * A corpus of hostile requests. Each is refused with a clear status and `extensions.code`, and the
 * proof that it was refused before any resolver ran is that the driver opened no session: both the
 * Database's own round-trip count and a spy on `driver.session` stay at zero.
 */

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Reply["body"] };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const query = (source: string, variables: Record<string, unknown> = {}): RequestInit =>
  json({ query: source, variables });

/** Sends a request and checks that the database saw nothing of it. */
async function refused(server: TestServer, init: RequestInit, url = server.url): Promise<Reply> {
  const driver = (server.db as unknown as { driver: Driver }).driver;
  const sessions = vi.spyOn(driver, "session");
  const before = server.db.runCount;
  try {
    const reply = await send(url, init);
    expect(server.db.runCount, "database round trips").toBe(before);
    expect(sessions, "driver sessions").not.toHaveBeenCalled();
    expect(reply.text).not.toMatch(/stacktrace|\bat .+\(.+:\d+:\d+\)|neo4j|MATCH |RETURN /i);
    expect(reply.body.errors?.length).toBeGreaterThan(0);
    return reply;
  } finally {
    sessions.mockRestore();
  }
}

const codes = (reply: Reply): (string | undefined)[] =>
  (reply.body.errors ?? []).map((error) => error.extensions?.code);

let dev: TestServer;
let prod: TestServer;
let trusted: TestServer;
const TRUSTED_QUERY = `query Trusted { entity(id: "uestc") { name } }`;
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "trusted-"));
  const file = path.join(dir, "trusted-documents.json");
  await writeFile(file, JSON.stringify({ [sha256(TRUSTED_QUERY)]: TRUSTED_QUERY }));
  [dev, prod, trusted] = await Promise.all([
    startTestServer(),
    startTestServer({ NODE_ENV: "production" }),
    startTestServer({ NODE_ENV: "production", TRUSTED_DOCUMENTS: file }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev?.stop(), prod?.stop(), trusted?.stop()]);
});

describe("the spy", () => {
  it("sees the round trips of an ordinary query, so its silence below means something", async () => {
    const driver = (prod.db as unknown as { driver: Driver }).driver;
    const sessions = vi.spyOn(driver, "session");
    const before = prod.db.runCount;
    const reply = await send(prod.url, query(`{ entity(id: "uestc") { name } }`));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ entity: { name: "电子科技大学" } });
    expect(prod.db.runCount).toBeGreaterThan(before);
    expect(sessions).toHaveBeenCalled();
    sessions.mockRestore();
  });
});

describe("hostile requests", () => {
  it("1. depth bomb: 400 GRAPHQL_VALIDATION_FAILED (limit depth)", async () => {
    const bomb = `{ entity(id: "uestc") { ${"relations(first: 1) { node { ".repeat(20)} id ${"} } ".repeat(20)} } }`;
    const reply = await refused(prod, query(bomb));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]).toMatchObject({
      message: "Query is too deep: depth 42 exceeds the limit of 12.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "depth", max: 12, actual: 42 },
    });
  });

  it("2. nested-list bomb: 400 GRAPHQL_VALIDATION_FAILED (limit cost)", async () => {
    const bomb = `{ entities(first: 100) { nodes { relations(first: 1000) { node {
      relations(first: 1000) { node { id } } } } } } }`;
    const reply = await refused(prod, query(bomb));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "cost",
      max: 20_000,
    });
    expect(reply.body.errors?.[0]?.message).toMatch(/^Query is too expensive: cost \d+ exceeds/);
    // It names the lists to shrink, by path.
    const fields = reply.body.errors?.[0]?.extensions?.fields as { path: string }[];
    expect(fields.map(({ path }) => path)).toEqual([
      "entities",
      "entities.nodes.relations",
      "entities.nodes.relations.node.relations",
    ]);
  });

  it("2b. the same bomb with its sizes in variables: 400 GRAPHQL_VALIDATION_FAILED (cost)", async () => {
    const bomb = `query ($n: Int!, $m: Int!) { entities(first: $n) { nodes { relations(first: $m) {
      node { relations(first: $m) { id } } } } } }`;
    const reply = await refused(prod, query(bomb, { n: 100, m: 1000 }));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ limit: "cost" });
  });

  it("3. 120 aliases: 400 GRAPHQL_VALIDATION_FAILED (limit aliases)", async () => {
    const aliases = Array.from({ length: 120 }, (_, i) => `a${i}: entity(id: "uestc") { id }`);
    const reply = await refused(prod, query(`{ ${aliases.join(" ")} }`));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "aliases",
      max: 30,
      actual: 120,
    });
  });

  it("4. field duplication: 400 GRAPHQL_VALIDATION_FAILED (cost) or GRAPHQL_PARSE_FAILED (tokens)", async () => {
    const costly = `{ entities(first: 100) { nodes { ${"relations(first: 100) { node { id } } ".repeat(5)} } } }`;
    const byCost = await refused(prod, query(costly));
    expect(byCost.status).toBe(400);
    expect(byCost.body.errors?.[0]?.extensions).toMatchObject({ limit: "cost" });

    const cheap = `{ entity(id: "uestc") { ${"name ".repeat(3_000)} } }`;
    const byTokens = await refused(prod, query(cheap));
    expect(byTokens.status).toBe(400);
    expect(codes(byTokens)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("5. directive overload: 400 GRAPHQL_VALIDATION_FAILED (limit directives)", async () => {
    const overload = `{ entity(id: "uestc") { ${"name @include(if: true) ".repeat(50)} } }`;
    const reply = await refused(prod, query(overload));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]).toMatchObject({
      message: "Query has too many directives: directives 50 exceeds the limit of 10.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "directives" },
    });
  });

  it("6. exponential fragments: 400 GRAPHQL_VALIDATION_FAILED (cost of the expanded query)", async () => {
    let document = `query { ...F30 } fragment F0 on Query { entity(id: "uestc") { id } }\n`;
    for (let i = 1; i <= 30; i += 1) {
      document += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    }
    const started = performance.now();
    const reply = await refused(prod, query(document));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "cost",
      actual: 2 ** 31,
    });
  });

  it("7. fragment cycle: 400 GRAPHQL_VALIDATION_FAILED (graphql's NoFragmentCycles)", async () => {
    const cycle = `{ entity(id: "uestc") { ...A } }
      fragment A on Entity { relations { node { ...B } } }
      fragment B on Entity { relations { node { ...A } } }`;
    const reply = await refused(prod, query(cycle));
    expect(reply.status).toBe(400);
    expect(codes(reply)).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(reply.body.errors?.map((e) => e.message)).toContain(
      'Cannot spread fragment "A" within itself via "B".',
    );
  });

  it("8. introspection in production: 400 GRAPHQL_VALIDATION_FAILED, allowed in development", async () => {
    const introspection = `{ __schema { types { name } } }`;
    const reply = await refused(prod, query(introspection));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      validationErrorCode: "INTROSPECTION_DISABLED",
    });
    const typed = await refused(prod, query(`{ __type(name: "University") { fields { name } } }`));
    expect(typed.status).toBe(400);

    const allowed = await send(dev.url, query(introspection));
    expect(allowed.status).toBe(200);
  });

  it("9. misspelt field in production: 400 GRAPHQL_VALIDATION_FAILED without a suggestion", async () => {
    const misspelt = `{ entity(id: "uestc") { nmae } univercities { totalCount } }`;
    const reply = await refused(prod, query(misspelt));
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED"]);
    expect(reply.text).not.toMatch(/Did you mean|"name"|universities/);

    const suggested = await refused(dev, query(misspelt));
    expect(suggested.text).toMatch(/Did you mean/);

    // A misspelt enum value in a variable fails coercion, not validation: no suggestion either.
    const enumValue = await refused(
      prod,
      query(`query ($k: [EntityKind!]) { search(query: "a", kinds: $k) { totalCount } }`, {
        k: ["Platfor"],
      }),
    );
    expect(enumValue.status).toBe(400);
    expect(codes(enumValue)).toEqual(["BAD_USER_INPUT"]);
    expect(enumValue.body.errors?.[0]?.message).toBe(
      'Variable "$k" got invalid value "Platfor" at "k[0]"; Value "Platfor" does not exist in "EntityKind" enum.',
    );
  });

  it("10. batched array: 400 BAD_REQUEST", async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: `{ entity(id: "uestc") { id } }` }));
    const reply = await refused(prod, json(batch));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]).toMatchObject({
      message: "Operation batching disabled.",
      extensions: { code: "BAD_REQUEST" },
    });
  });

  it("11. mutation over GET: 405 BAD_REQUEST with Allow: POST", async () => {
    const url = `${prod.url}?query=${encodeURIComponent("mutation { __typename }")}`;
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    const reply = await refused(prod, { headers: { "apollo-require-preflight": "true" } }, url);
    expect(reply.status).toBe(405);
    expect(reply.body.errors?.[0]).toMatchObject({
      message: "GET requests only support query operations, not mutation operations",
      extensions: { code: "BAD_REQUEST" },
    });
  });

  it("12. CSRF: a simple text/plain POST and a GET without a preflight header: 400 BAD_REQUEST", async () => {
    const simplePost = await refused(prod, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: `{ entity(id: "uestc") { id } }` }),
    });
    expect(simplePost.status).toBe(400);
    expect(codes(simplePost)).toEqual(["BAD_REQUEST"]);
    expect(simplePost.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);

    const form = await refused(prod, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B__typename%7D",
    });
    expect(form.status).toBe(400);

    const url = `${prod.url}?query=${encodeURIComponent(`{ entity(id: "uestc") { id } }`)}`;
    const simpleGet = await refused(prod, {}, url);
    expect(simpleGet.status).toBe(400);
    expect(codes(simpleGet)).toEqual(["BAD_REQUEST"]);
  });

  it("13. oversize body (> MAX_BODY_BYTES): 413 PAYLOAD_TOO_LARGE", async () => {
    const padding = "x".repeat(prod.config.maxBodyBytes);
    const reply = await refused(prod, query(`{ resolve(name: "${padding}") { id } }`, { padding }));
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({
      errors: [
        {
          message: `The request body is larger than ${prod.config.maxBodyBytes} bytes.`,
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
  });

  it("14. token bomb: 400 GRAPHQL_PARSE_FAILED", async () => {
    const bomb = `{ entity(id: "uestc") { id ${"@a ".repeat(5_000)} } }`;
    const reply = await refused(prod, query(bomb));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Document contains more tha[nt] 2000 tokens/),
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
  });

  it("15. absurd list sizes, literal or in a variable: 400 BAD_USER_INPUT naming the argument", async () => {
    const literal = await refused(prod, query(`{ entities(first: 2147483647) { totalCount } }`));
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]).toMatchObject({
      message: "first must be between 0 and 100 (got 2147483647)",
      extensions: { code: "BAD_USER_INPUT", argumentName: "first" },
    });

    const variable = await refused(
      prod,
      query(`query ($n: Int!) { neighborhood(id: "uestc", limit: $n) { truncated } }`, {
        n: 1_000_000,
      }),
    );
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0]).toMatchObject({
      message: "limit must be between 1 and 500 (got 1000000)",
      extensions: { code: "BAD_USER_INPUT", argumentName: "limit" },
    });
  });

  it("16. a body that is not JSON: 400 BAD_REQUEST, not an HTML page with a stack", async () => {
    const reply = await refused(prod, json(`{"query": "{ entity(id: \\"uestc\\") { id } }"`));
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(["BAD_REQUEST"]);
  });

  it("17. automatic persisted queries in production: PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    const text = `{ entity(id: "uestc") { id } }`;
    const reply = await refused(
      prod,
      json({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } }),
    );
    expect(codes(reply)).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
  });
});

describe("trusted documents in production", () => {
  it("runs a trusted document sent by its hash, or as its exact text", async () => {
    const byHash = await send(
      trusted.url,
      json({
        operationName: "Trusted",
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED_QUERY) } },
      }),
    );
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual({ entity: { name: "电子科技大学" } });
    const byText = await send(trusted.url, query(TRUSTED_QUERY));
    expect(byText.body.data).toEqual({ entity: { name: "电子科技大学" } });
  });

  it("18. refuses any other document: 400 PERSISTED_QUERY_NOT_IN_LIST", async () => {
    const reply = await refused(trusted, query(`{ entity(id: "uestc") { name nameEn } }`));
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]).toMatchObject({
      extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST" },
    });
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown hash and registers nothing", async () => {
    const other = `{ entity(id: "uestc") { id } }`;
    const register = await refused(
      trusted,
      json({
        query: other,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } },
      }),
    );
    expect(codes(register)).toEqual(["PERSISTED_QUERY_NOT_IN_LIST"]);
    const replay = await refused(
      trusted,
      json({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } }),
    );
    expect(codes(replay)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });
});
