import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * Cross-origin access over plain HTTP (what a browser would send, sent by fetch): an origin on
 * CORS_ORIGINS gets answered preflights and Access-Control-Allow-Origin; any other origin gets
 * 403 FORBIDDEN before anything runs; requests without an Origin, or from the service's own
 * origin, are untouched; and Apollo's CSRF guard still refuses simple requests from anyone.
 */

const ALLOWED = "http://127.0.0.1:5555";
const UNKNOWN = "http://127.0.0.1:5556";
const QUERY = `{ entity(id: "uestc") { id name } }`;
const EXPECTED = { entity: { id: "uestc", name: "电子科技大学" } };
const EDITOR_KEY = "cors-test-editor-key-0123456789";

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
}

async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? null : (JSON.parse(text) as Reply["body"]),
  };
}

const preflight = (origin: string): RequestInit => ({
  method: "OPTIONS",
  headers: {
    origin,
    "access-control-request-method": "POST",
    "access-control-request-headers": "content-type",
  },
});

const post = (
  origin: string | null,
  query = QUERY,
  headers: Record<string, string> = {},
): RequestInit => ({
  method: "POST",
  headers: {
    "content-type": "application/json",
    ...(origin === null ? {} : { origin }),
    ...headers,
  },
  body: JSON.stringify({ query }),
});

const varyNames = (headers: Headers): string[] =>
  (headers.get("vary") ?? "").split(",").map((name) => name.trim().toLowerCase());

let open: TestServer;
let closed: TestServer;
let withCredentials: TestServer;

beforeAll(async () => {
  [open, closed, withCredentials] = await Promise.all([
    startTestServer({ CORS_ORIGINS: ALLOWED, API_KEYS: `editor:${EDITOR_KEY}` }),
    startTestServer({}),
    startTestServer({ CORS_ORIGINS: ALLOWED, CORS_CREDENTIALS: "true" }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), closed?.stop(), withCredentials?.stop()]);
});

describe("an origin on CORS_ORIGINS", () => {
  it("gets its preflight answered: 204, its own origin, POST, content-type, max-age 600, no credentials", async () => {
    const reply = await send(open.url, preflight(ALLOWED));
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(reply.headers.get("access-control-allow-methods")?.split(",")).toContain("POST");
    expect(reply.headers.get("access-control-allow-headers")?.split(",")).toContain("content-type");
    expect(reply.headers.get("access-control-max-age")).toBe("600");
    expect(varyNames(reply.headers)).toContain("origin");
    expect(reply.headers.has("access-control-allow-credentials")).toBe(false);
  });

  it("gets Access-Control-Allow-Credentials: true only with CORS_CREDENTIALS=true", async () => {
    const reply = await send(withCredentials.url, preflight(ALLOWED));
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(reply.headers.get("access-control-allow-credentials")).toBe("true");
    const answer = await send(withCredentials.url, post(ALLOWED));
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("gets the data of its JSON POST, with Access-Control-Allow-Origin", async () => {
    const reply = await send(open.url, post(ALLOWED));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: EXPECTED });
    expect(reply.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(reply.headers.has("access-control-allow-credentials")).toBe(false);
    expect(varyNames(reply.headers)).toContain("origin");
  });

  it("still has its simple text/plain POST refused by the CSRF guard: 400 BAD_REQUEST", async () => {
    const before = open.db.runCount;
    const reply = await send(open.url, {
      method: "POST",
      headers: { origin: ALLOWED, "content-type": "text/plain" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body?.data).toBeUndefined();
    expect(reply.body?.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_REQUEST"]);
    expect(reply.body?.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(open.db.runCount, "database round trips").toBe(before);
  });
});

describe("the bookmark header from an origin on CORS_ORIGINS", () => {
  it("may be sent: its preflight lists x-neo4j-bookmark among the allowed headers", async () => {
    const reply = await send(open.url, {
      method: "OPTIONS",
      headers: {
        origin: ALLOWED,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-neo4j-bookmark",
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-headers")?.split(",")).toEqual(
      expect.arrayContaining(["content-type", "x-neo4j-bookmark"]),
    );
  });

  it("may be read: responses expose x-neo4j-bookmark and x-request-id", async () => {
    const reply = await send(open.url, post(ALLOWED));
    expect(reply.body).toEqual({ data: EXPECTED });
    expect(reply.headers.get("access-control-expose-headers")?.split(",")).toEqual([
      "x-request-id",
      "x-neo4j-bookmark",
    ]);
  });

  it("when not one the API gave, is refused 400 BAD_USER_INPUT, readable by the page, nothing read", async () => {
    const before = open.db.runCount;
    const reply = await send(open.url, post(ALLOWED, QUERY, { "x-neo4j-bookmark": "FB:kcwQ" }));
    expect(reply.status).toBe(400);
    expect(reply.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(reply.body?.data).toBeUndefined();
    expect(reply.body?.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(reply.body?.errors?.[0]?.message).toContain(
      "bookmark 1 is not base64url (letters, digits, - and _)",
    );
    expect(open.db.runCount, "database round trips").toBe(before);
  });
});

describe("an origin not on CORS_ORIGINS", () => {
  const forbidden = (reply: Reply, origin: string): void => {
    expect(reply.status).toBe(403);
    expect(reply.headers.has("access-control-allow-origin")).toBe(false);
    expect(reply.body).toEqual({
      errors: [
        {
          message: `Origin ${origin} may not call this API: set CORS_ORIGINS to allow it.`,
          extensions: { code: "FORBIDDEN" },
        },
      ],
    });
  };

  it("gets 403 FORBIDDEN for its preflight, with no Access-Control-Allow-Origin", async () => {
    forbidden(await send(open.url, preflight(UNKNOWN)), UNKNOWN);
  });

  it("gets 403 FORBIDDEN for its POST, and nothing ran: no data, no database round trip", async () => {
    const before = open.db.runCount;
    forbidden(await send(open.url, post(UNKNOWN)), UNKNOWN);
    // A write with a valid editor key, from the unknown origin: refused before any resolver.
    const mutation = `mutation { createEntity(idempotencyKey: "cors-probe-0001", input: { id: "cors-probe-university", kind: University, name: "跨域测试大学" }, evidence: { note: "CORS test" }) { id } }`;
    forbidden(await send(open.url, post(UNKNOWN, mutation, { "x-api-key": EDITOR_KEY })), UNKNOWN);
    expect(open.db.runCount, "database round trips").toBe(before);
    const check = await send(
      open.url,
      post(null, `{ entity(id: "cors-probe-university") { id } }`),
    );
    expect(check.body).toEqual({ data: { entity: null } });
    // The mutation is a valid one that reaches the resolvers' role check when the origin is not
    // in the way (here without the key, so that it writes nothing).
    const keyless = await send(open.url, post(null, mutation));
    expect(keyless.body?.errors?.map((error) => error.extensions?.code)).toEqual([
      "UNAUTHENTICATED",
    ]);
  });

  it("is any foreign origin when CORS_ORIGINS is not set, the listed one of another server too", async () => {
    forbidden(await send(closed.url, preflight(ALLOWED)), ALLOWED);
    forbidden(await send(closed.url, post(ALLOWED)), ALLOWED);
    forbidden(await send(closed.url, post("https://evil.example")), "https://evil.example");
  });
});

describe("requests that are not cross-origin", () => {
  it("work as before without an Origin: data, no CORS headers", async () => {
    for (const server of [open, closed]) {
      const reply = await send(server.url, post(null));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ data: EXPECTED });
      expect(reply.headers.has("access-control-allow-origin")).toBe(false);
    }
  });

  it("work from the service's own origin without CORS_ORIGINS", async () => {
    const own = new URL(closed.url).origin;
    expect(closed.config.corsOrigins).toEqual([]);
    const reply = await send(closed.url, post(own));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: EXPECTED });
    expect(reply.headers.has("access-control-allow-origin")).toBe(false);
  });
});
