import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchema } from "../../src/graphql/schema";
import { gql, startTestServer, type TestServer } from "../helpers/server";
import { AUTH_ENV, KEYS, as, type Role } from "../helpers/curation";

/**
 * Who may call what. Every mutation of the schema must appear here (a test checks it), each with
 * an operation whose arguments pass GraphQL validation but fail the service's own checks, so an
 * admitted call answers BAD_USER_INPUT and writes nothing.
 */
const MUTATIONS: Record<string, { role: Role; operation: string }> = {
  createEntity: {
    role: "editor",
    operation: `mutation { createEntity(input: { kind: Enterprise, name: "x" }, evidence: { note: "n", author: "a" }, idempotencyKey: "bad") { id } }`,
  },
  updateEntity: {
    role: "editor",
    operation: `mutation { updateEntity(id: "uestc", patch: { name: "x" }, evidence: { note: "n", author: "a" }, idempotencyKey: "bad") { id } }`,
  },
  deleteEntity: {
    role: "admin",
    operation: `mutation { deleteEntity(id: "uestc", evidence: { note: "n", author: "a" }, idempotencyKey: "bad") { id } }`,
  },
  link: {
    role: "editor",
    operation: `mutation { link(input: { source: "uestc", type: CO_BUILT, target: "pku" }, evidence: { note: "n", author: "a" }, idempotencyKey: "bad") { id } }`,
  },
  unlink: {
    role: "editor",
    operation: `mutation { unlink(source: "uestc", type: CO_BUILT, target: "pku", evidence: { note: "n", author: "a" }, idempotencyKey: "bad") { id } }`,
  },
  importChainMap: {
    role: "editor",
    operation: `mutation { importChainMap(files: [{ name: "x.xlsx", contentBase64: "" }]) { applied } }`,
  },
  ingestDocument: {
    role: "editor",
    operation: `mutation { ingestDocument(file: { name: "x.txt", contentBase64: "" }, meta: { date: "2016-01-01" }) { documentId } }`,
  },
  acceptCandidate: {
    role: "editor",
    operation: `mutation { acceptCandidate(id: "cand-x", idempotencyKey: "bad") { id } }`,
  },
  rejectCandidate: {
    role: "editor",
    operation: `mutation { rejectCandidate(id: "cand-x", reason: "${"x".repeat(501)}") { id } }`,
  },
  mergeCandidate: {
    role: "editor",
    operation: `mutation { mergeCandidate(id: "cand-x", into: "uestc", idempotencyKey: "bad") { id } }`,
  },
  acceptCandidates: {
    role: "editor",
    operation: `mutation { acceptCandidates(document: "doc-x", minConfidence: 2) { accepted } }`,
  },
};

const RANK: Record<Role | "anonymous", number> = { anonymous: 0, reader: 1, editor: 2, admin: 3 };
const CALLERS = ["anonymous", "reader", "editor", "admin"] as const;

describe("access to mutations", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(AUTH_ENV);
  });
  afterAll(async () => {
    await server.stop();
  });

  it("covers every mutation of the schema", async () => {
    const mutations = Object.keys(
      (await createSchema()).getMutationType()?.getFields() ?? {},
    ).sort();
    expect(mutations).toEqual(Object.keys(MUTATIONS).sort());
  });

  for (const [name, { role, operation }] of Object.entries(MUTATIONS)) {
    for (const caller of CALLERS) {
      const expected =
        caller === "anonymous"
          ? "UNAUTHENTICATED"
          : RANK[caller] >= RANK[role]
            ? "BAD_USER_INPUT"
            : "FORBIDDEN";
      it(`${name} by ${caller}: ${expected}`, async () => {
        const response = await gql(server.url, operation, {}, as(caller));
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
      });
    }
  }

  it("refuses a wrong API key instead of treating the caller as anonymous", async () => {
    const response = await gql(
      server.url,
      `{ __typename }`,
      {},
      { "x-api-key": "not-a-key-0123456789" },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets anyone read while reads are open", async () => {
    const response = await gql(
      server.url,
      `{ entity(id: "uestc") { id } history(id: "uestc") { id } }`,
    );
    expect(response.errors).toBeUndefined();
  });
});

describe("bearer tokens", () => {
  const SECRET = "a-test-secret-of-at-least-32-characters!";
  const env = {
    ...AUTH_ENV,
    JWT_SECRET: SECRET,
    JWT_ISSUER: "https://issuer.test",
    JWT_AUDIENCE: "kg-api",
  };
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(env);
  });
  afterAll(async () => {
    await server.stop();
  });

  const token = (
    claims: Record<string, unknown>,
    options: { alg?: string; exp?: string; iss?: string; aud?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? "HS256" })
      .setSubject("alice")
      .setIssuer(options.iss ?? "https://issuer.test")
      .setAudience(options.aud ?? "kg-api")
      .setIssuedAt()
      .setExpirationTime(options.exp ?? "5m")
      .sign(new TextEncoder().encode(SECRET));

  const create = MUTATIONS.createEntity!.operation;

  it("admits an editor token to write", async () => {
    const response = await gql(
      server.url,
      create,
      {},
      { authorization: `Bearer ${await token({ roles: ["editor"] })}` },
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses a reader token to write", async () => {
    const response = await gql(
      server.url,
      create,
      {},
      { authorization: `Bearer ${await token({ roles: ["reader"] })}` },
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("refuses expired, foreign-audience, foreign-issuer and wrong-algorithm tokens", async () => {
    const bad = [
      await token({ roles: ["admin"] }, { exp: "-1m" }),
      await token({ roles: ["admin"] }, { aud: "someone-else" }),
      await token({ roles: ["admin"] }, { iss: "https://evil.test" }),
      await token({ roles: ["admin"] }, { alg: "HS512" }),
    ];
    for (const jwt of bad) {
      const response = await gql(server.url, create, {}, { authorization: `Bearer ${jwt}` });
      expect(response.status).toBe(401);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    }
  });

  it("refuses an unsigned token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(
      JSON.stringify({
        sub: "eve",
        roles: ["admin"],
        iss: "https://issuer.test",
        aud: "kg-api",
        exp: 9999999999,
      }),
    ).toString("base64url");
    const response = await gql(
      server.url,
      create,
      {},
      { authorization: `Bearer ${header}.${body}.` },
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("when reads require authentication", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...AUTH_ENV, READS_REQUIRE_AUTH: "true" });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses anonymous reads and admits a reader", async () => {
    const anonymous = await gql(server.url, `{ entity(id: "uestc") { id } }`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await gql(
      server.url,
      `{ entity(id: "uestc") { id } }`,
      {},
      { "x-api-key": KEYS.reader },
    );
    expect(reader.data).toEqual({ entity: { id: "uestc" } });
  });
});
