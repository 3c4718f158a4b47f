import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_ENV, as, newKey } from "../helpers/curation";
import { deleteEntitiesWithPrefix } from "../helpers/db";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * Thousands of hostile strings sent as names, English names, aliases and descriptions of new
 * entities: each write either stores the string exactly as sent and reads it back unchanged, or is
 * refused with BAD_USER_INPUT (blank, too long, or not well-formed Unicode) and stores nothing.
 * Never a 5xx, never internals in a message.
 */
const HOSTILE = [
  "'",
  '"',
  "`",
  "\\",
  "') DETACH DELETE n //",
  "MATCH (n) DETACH DELETE n",
  "$x",
  "{id: 'x'}",
  "${process.exit()}",
  "\u0000",
  "\u0007\u001b[31m",
  "\r\n",
  "\u202e",
  "\ufeff",
  "𝔘𝔈𝔖𝔗ℭ",
  "😀👩‍💻",
  "\ud800",
  "\udfff",
  "电子科大",
  "ＵＥＳＴＣ",
  "<script>alert(1)</script>",
  "%s%s%n",
];

const piece = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const hostileString = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", minLength: 190, maxLength: 260 }),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const acceptable = (value: string, max: number): boolean =>
  value.trim().length > 0 && value.length <= max && !LONE_SURROGATE.test(value);

const CREATE = `mutation ($input: CreateEntityInput!, $key: String!) {
  createEntity(input: $input, evidence: { note: "fuzz", author: "test-suite" }, idempotencyKey: $key) {
    id name nameEn aliases description } }`;
const PREFIX = `test-fuzz-${newKey("r").slice(-8)}`;

describe("hostile strings in writes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(AUTH_ENV);
  });
  afterAll(async () => {
    await deleteEntitiesWithPrefix(PREFIX);
    await server.stop();
  });

  it("stores each accepted string verbatim and refuses the rest with BAD_USER_INPUT", async () => {
    let run = 0;
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("name", "nameEn", "alias", "description"),
        hostileString,
        async (field, value) => {
          const id = `${PREFIX}-${run++}`;
          const fields = {
            name: `模糊测试${id}`,
            nameEn: `Fuzz ${id}`,
            alias: `fz-${id}`,
            description: "fuzz",
            [field]: value,
          };
          const input = {
            id,
            kind: "Enterprise",
            name: fields.name,
            nameEn: fields.nameEn,
            aliases: [fields.alias],
            description: fields.description,
          };
          const response = await gql<{ createEntity: Record<string, unknown> }>(
            server.url,
            CREATE,
            { input, key: newKey() },
            as("editor"),
          );
          expect(response.status).toBeLessThan(500);
          const optional = field === "nameEn" || field === "description";
          const valid =
            (optional && value.trim() === "") ||
            acceptable(value, field === "description" ? 2000 : 200);
          if (!valid) {
            refused += 1;
            expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
            expect(JSON.stringify(response.errors)).not.toMatch(
              /stacktrace|MATCH |Neo4jError|neo4j:\/\//,
            );
            const after = await gql<{ entity: unknown }>(
              server.url,
              `query ($id: ID!) { entity(id: $id) { id } }`,
              { id },
            );
            expect(after.data?.entity).toBeNull();
            return;
          }
          stored += 1;
          expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
          const read = await gql<{ entity: Record<string, unknown> }>(
            server.url,
            `query ($id: ID!) { entity(id: $id) { name nameEn aliases description } }`,
            { id },
          );
          expect(read.data?.entity).toEqual({
            name: fields.name,
            nameEn: fields.nameEn.trim() === "" ? null : fields.nameEn,
            aliases: [fields.alias],
            description: fields.description.trim() === "" ? null : fields.description,
          });
        },
      ),
      { numRuns: 1000 },
    );
    process.stdout.write(`[fuzz] ${run} writes: ${stored} stored verbatim, ${refused} refused\n`);
    expect(stored).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 240_000);
});
