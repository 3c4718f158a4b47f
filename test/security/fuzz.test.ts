import fc from "fast-check";
import { Kind, parseValue } from "graphql";
import neo4j, { type Driver, type SessionConfig } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { graphChecksum } from "../../src/services/seeding";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * Property-based fuzzing of every string argument of the read API with hostile text: quotes,
 * backticks, Cypher and Lucene fragments, GraphQL syntax, control characters, astral-plane
 * characters, lone surrogates and strings up to the body limit. Every answer must be a client
 * error or data — never a 5xx, never INTERNAL_SERVER_ERROR, never a stack, Cypher or a driver
 * message — and the graph must be byte-for-byte the same afterwards.
 */

const RUNS_PER_TARGET = Number(process.env.FUZZ_RUNS ?? 220);

const CYPHER = [
  "') DETACH DELETE n //",
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "`) CALL db.labels() YIELD label RETURN label //",
  "$x",
  "$ids",
  "{}",
  "{id: 'x'}",
  "]->(m) SET m.name = 'pwned' //",
  "CALL apoc.util.sleep(10000)",
  "LOAD CSV FROM 'http://example.com' AS r RETURN r",
  "MATCH (n) RETURN n",
  "*:*",
  "name:\\*",
  "title:(a OR b) AND NOT c~2^3",
  "\\",
  "\\\\'",
  "%00",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "WyJzZWFyY2giLDNd",
  "WyJsaXN0IiwiYSJd",
  "eyJ0YWciOiJ4In0",
  "bnVsbA",
  "W10",
  "uestc",
  "industry-automobile",
  "电子科大",
  "ｕｅｓｔｃ",
];

const SPECIAL = [
  "'",
  '"',
  "`",
  "\\",
  "$",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  "/",
  "*",
  "~",
  ":",
  "\u0000",
  "\u0001",
  "\u0008",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u200e",
  "\u202e",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "𝕏",
  "😀",
  "👩‍👩‍👧",
  "\u{10ffff}",
  "\ud800",
  "\udfff",
  "电",
  "Ａ",
];

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CYPHER) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 5 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...CYPHER),
        fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 10 }),
        fc.string({ maxLength: 10 }),
      )
      .map((parts) => parts.join("")),
  },
  {
    // Long strings, up to just under the body limit once JSON-encoded.
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 90_000 }), fc.constantFrom(...CYPHER, "a", "电", "😀"))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  },
);

/** One string argument of the read API, as an operation taking it in `$s`. */
interface Target {
  readonly name: string;
  readonly type: "String" | "ID";
  readonly query: string;
}

const TARGETS: readonly Target[] = [
  { name: "entity(id)", type: "ID", query: "entity(id: $s) { id name }" },
  { name: "resolve(name)", type: "String", query: "resolve(name: $s) { id }" },
  {
    name: "search(query)",
    type: "String",
    query: "search(query: $s, first: 3) { totalCount edges { node { id } } }",
  },
  {
    name: "neighborhood(id)",
    type: "ID",
    query: "neighborhood(id: $s, depth: 2, limit: 5) { nodes { id } truncated }",
  },
  {
    name: "paths(fromId)",
    type: "ID",
    query: `paths(fromId: $s, toId: "shuangliu-county", maxHops: 3) { length }`,
  },
  { name: "paths(toId)", type: "ID", query: `paths(fromId: "uestc", toId: $s) { length }` },
  {
    name: "innovationChain(industryId)",
    type: "ID",
    query: "innovationChain(industryId: $s) { stages { key items { entity { id } } } }",
  },
  {
    name: "entities(filter.name)",
    type: "String",
    query: "entities(first: 3, filter: { name: $s }) { totalCount nodes { id } }",
  },
  {
    name: "universities(filter.district)",
    type: "ID",
    query: "universities(first: 3, filter: { district: $s }) { totalCount }",
  },
  {
    name: "entities(filter.industry)",
    type: "ID",
    query: "entities(first: 3, filter: { industry: $s }) { totalCount }",
  },
  {
    name: "entities(after)",
    type: "String",
    query: "entities(first: 3, after: $s) { nodes { id } pageInfo { endCursor } }",
  },
  {
    name: "researchInstitutes(before)",
    type: "String",
    query: "researchInstitutes(last: 3, before: $s) { nodes { id } }",
  },
  {
    name: "search(after)",
    type: "String",
    query: `search(query: "研究院", first: 2, after: $s) { edges { node { id } } }`,
  },
  { name: "upstream(id)", type: "ID", query: "upstream(id: $s, depth: 2) { depth }" },
];

/** Codes a hostile string may earn; INTERNAL_SERVER_ERROR would be a bug the fuzzer found. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
]);

const INTERNALS =
  /stacktrace|Neo4jError|neo4j|Neo\.ClientError|Cypher|MATCH|RETURN|DETACH|UNWIND|Lucene|TooManyClauses|\bat .+\(.+:\d+:\d+\)|\.ts:\d+|node_modules/i;

let server: TestServer;
let sessions: MockInstance<Driver["session"]>;
let checksumBefore: string;
let cases = 0;
let literalCases = 0;
let started = 0;
const codesSeen = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer();
  checksumBefore = await graphChecksum(server.db);
  sessions = vi.spyOn((server.db as unknown as { driver: Driver }).driver, "session");
  started = performance.now();
});

afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${cases} requests (${literalCases} with the string inlined as a literal) in ${seconds} s; error codes ${JSON.stringify(Object.fromEntries(codesSeen))}`,
  );
  await server?.stop();
});

async function post(body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Checks one answer; each of `inputs` (the string sent, and the value the server read from it) is
 * removed from error messages first, which may quote it back.
 */
function check(reply: { status: number; text: string }, ...inputs: string[]): void {
  expect(reply.status, reply.text.slice(0, 500)).toBeLessThan(500);
  const body = JSON.parse(reply.text) as {
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code ?? "none";
    codesSeen.set(code, (codesSeen.get(code) ?? 0) + 1);
    expect(CLIENT_CODES.has(code), `${code}: ${error.message.slice(0, 300)}`).toBe(true);
    const quoted = inputs.flatMap((input) => [
      input,
      JSON.stringify(input),
      JSON.stringify(input).slice(1, -1),
    ]);
    let message = error.message;
    for (const form of quoted) if (form !== "") message = message.split(form).join("");
    expect(message).not.toMatch(INTERNALS);
    expect(JSON.stringify(error.extensions ?? {})).not.toMatch(/stacktrace|exception/i);
  }
}

/** The string a GraphQL literal stands for, as the server parses it; undefined if it is none. */
function literalValue(literal: string): string | undefined {
  try {
    const node = parseValue(literal);
    return node.kind === Kind.STRING ? node.value : undefined;
  } catch {
    return undefined;
  }
}

describe("fuzzing the string arguments of the read API", () => {
  for (const target of TARGETS) {
    it(`answers hostile ${target.name} with data or a client error`, async () => {
      const operation = `query Fuzz($s: ${target.type}!) { ${target.query} }`;
      await fc.assert(
        fc.asyncProperty(hostile, async (input) => {
          cases += 1;
          check(await post(JSON.stringify({ query: operation, variables: { s: input } })), input);
        }),
        { numRuns: RUNS_PER_TARGET },
      );
    });
  }

  it("answers hostile strings inlined as GraphQL literals with data or a client error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TARGETS),
        hostile.filter((input) => input.length < 5_000),
        fc.boolean(),
        async (target, input, escaped) => {
          cases += 1;
          literalCases += 1;
          // Escaped: a well-formed string literal. Raw: the text as is, quotes and all.
          const literal = escaped ? JSON.stringify(input) : `"${input}"`;
          const query = `{ ${target.query.replace("$s", literal)} }`;
          // A raw literal's escapes are read as GraphQL's (`\b` a backspace): the server quotes
          // back that value, not the text sent.
          check(await post(JSON.stringify({ query })), input, literalValue(literal) ?? input);
        },
      ),
      { numRuns: RUNS_PER_TARGET * 2 },
    );
  });

  it("opened read sessions only, and left the graph unchanged", async () => {
    // In-process proof, whatever else uses the shared Neo4j: every session was a read session.
    const modes = sessions.mock.calls.map(
      ([config]) => (config as SessionConfig).defaultAccessMode,
    );
    sessions.mockRestore();
    expect(modes.length).toBeGreaterThan(cases / 2);
    expect(new Set(modes)).toEqual(new Set([neo4j.session.READ]));
    // And the graph itself: the checksum of every node and relationship, before and after.
    expect(await graphChecksum(server.db)).toBe(checksumBefore);
  });
});
