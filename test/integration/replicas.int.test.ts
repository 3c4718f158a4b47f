import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jError } from "neo4j-driver";
import { boltUri, loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { startApiProcess, type ApiProcess } from "../helpers/api-process";
import { AUTH_ENV, KEYS, newKey } from "../helpers/curation";
import { runCypher } from "../helpers/db";

/**
 * Two API replicas on one Neo4j, both through a routing URI (neo4j://): Neo4j Community answers
 * routing with itself, so this is the routing driver's path without a cluster. A client writes
 * through A and reads through B with the bookmark A gave; fifty identical creates spread over both
 * make one entity. What a cluster adds (secondaries that lag) is not here: docs/deployment.md.
 */

const config = loadConfig({ ...process.env, NODE_ENV: "test" });
/** The test Neo4j under the routing scheme: bolt:// becomes neo4j://, bolt+s:// neo4j+s://. */
const ROUTING_URI = boltUri(config).replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
const RUN = newKey("r").slice(-8);
const PREFIX = `test-replica-${RUN}`;
const KEY_PREFIX = `replica-${RUN}`;
const HEADER = "x-neo4j-bookmark";
const NOTE = { note: "added by the replica test", author: "test-suite" };
const CREATE = `mutation ($input: CreateEntityInput!, $evidence: EvidenceInput!, $key: String!) {
  createEntity(input: $input, evidence: $evidence, idempotencyKey: $key) { id name } }`;
const ENTITY = `query ($id: ID!) { entity(id: $id) { id name } }`;

interface Reply {
  readonly status: number;
  readonly bookmark: string | null;
  readonly body: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { bookmark?: string };
  };
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    bookmark: response.headers.get(HEADER),
    body: (await response.json()) as Reply["body"],
  };
}

const editor = { "x-api-key": KEYS.editor };

async function graphSize(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await runCypher(
    "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships",
  );
  return { nodes: Number(row?.get("nodes")), relationships: Number(row?.get("relationships")) };
}

/** Removes what this file's creates wrote: entities, their own name forms, audits, replay records. */
async function removeCreated(): Promise<void> {
  await runCypher(
    `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (f:NameForm)-[:NAMES]->(n)
     WITH collect(DISTINCT n) AS entities, collect(DISTINCT f) AS forms
     FOREACH (n IN entities | DETACH DELETE n)
     WITH forms
     UNWIND forms AS f
     WITH f
     WHERE NOT (f)-[:NAMES]->()
     DELETE f`,
    { prefix: PREFIX },
  );
  await runCypher("MATCH (a:Audit) WHERE a.entityId STARTS WITH $prefix DETACH DELETE a", {
    prefix: PREFIX,
  });
  await runCypher("MATCH (m:MutationRecord) WHERE m.key STARTS WITH $prefix DETACH DELETE m", {
    prefix: KEY_PREFIX,
  });
}

let before: { nodes: number; relationships: number };
let a: ApiProcess | undefined;
let b: ApiProcess | undefined;

beforeAll(async () => {
  before = await graphSize();
  const env = {
    ...AUTH_ENV,
    NEO4J_URI: ROUTING_URI,
    NODE_ENV: "test",
    SEED_ON_START: "false",
    LOG_LEVEL: "warn",
  };
  [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await removeCreated();
  expect(await graphSize(), "the graph as the suite seeded it").toEqual(before);
});

const replicaA = (): string => a!.url;
const replicaB = (): string => b!.url;

describe("a routing URI (neo4j://) on one Neo4j", () => {
  it("is what both replicas were given, and both answer through it", async () => {
    expect(ROUTING_URI).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    for (const url of [replicaA(), replicaB()]) {
      const reply = await post(url, ENTITY, { id: "uestc" });
      expect(reply.body).toEqual({ data: { entity: { id: "uestc", name: "电子科技大学" } } });
      // A request that wrote nothing gets no bookmark.
      expect(reply.bookmark).toBeNull();
    }
  });

  it("runs reads in read-access mode: a write sent as a read is refused by Neo4j itself", async () => {
    const seen: unknown[] = [];
    const db = Database.connect({ ...config, neo4jUri: ROUTING_URI }, (error) => seen.push(error));
    const key = `${KEY_PREFIX}-read-mode`;
    try {
      const params = { key, requestHash: "h", result: "{}", action: "probe", actor: "test" };
      await expect(db.read("curation-record-mutation", params)).rejects.toMatchObject({
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(seen.map((error) => (error instanceof Neo4jError ? error.code : error))).toEqual([
        "Neo.ClientError.Statement.AccessMode",
      ]);
      expect(await db.read("curation-find-mutation", { key })).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe("read-your-writes across two API processes", () => {
  const id = `${PREFIX}-seen`;

  it("returns a write's bookmark in the header and in extensions.bookmark, the same value", async () => {
    const created = await post(
      replicaA(),
      CREATE,
      {
        input: { id, kind: "Enterprise", name: `副本测试${RUN}` },
        evidence: NOTE,
        key: `${KEY_PREFIX}-seen`,
      },
      editor,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data).toEqual({ createEntity: { id, name: `副本测试${RUN}` } });
    expect(created.bookmark).toMatch(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/);
    expect(created.body.extensions).toEqual({ bookmark: created.bookmark });

    const read = await post(replicaB(), ENTITY, { id }, { [HEADER]: created.bookmark! });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ data: { entity: { id, name: `副本测试${RUN}` } } });
    expect(read.bookmark).toBeNull();
  });

  it("hands the header's bookmarks to Neo4j: one Neo4j cannot parse is BAD_USER_INPUT, nothing read", async () => {
    const forged = Buffer.from("not-a-bookmark", "utf8").toString("base64url");
    const read = await post(replicaB(), ENTITY, { id: "uestc" }, { [HEADER]: forged });
    expect(read.body.data).toEqual({ entity: null });
    expect(read.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(read.body.errors?.[0]?.message).toMatch(
      /^The bookmark sent with the request is not one/,
    );
  });

  it("refuses a header this API could not have given with 400 BAD_USER_INPUT and the reason", async () => {
    const read = await post(replicaB(), ENTITY, { id: "uestc" }, { [HEADER]: "FB:kcwQ" });
    expect(read.status).toBe(400);
    expect(read.body.data).toBeUndefined();
    expect(read.body.errors).toEqual([
      {
        message:
          "The X-Neo4j-Bookmark header is not a bookmark this API gave: bookmark 1 is not base64url (letters, digits, - and _). Send back the value of a response's X-Neo4j-Bookmark header (or extensions.bookmark) unchanged.",
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
  });
});

describe("idempotent creates across two API processes", () => {
  it("gives one entity for fifty concurrent identical creates, spread over both", async () => {
    const id = `${PREFIX}-twin`;
    const name = `并发副本${RUN}`;
    const variables = {
      input: { id, kind: "Enterprise", name },
      evidence: NOTE,
      key: `${KEY_PREFIX}-twin`,
    };
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        post(index % 2 === 0 ? replicaA() : replicaB(), CREATE, variables, editor),
      ),
    );
    for (const reply of replies)
      expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
    expect(new Set(replies.map((reply) => JSON.stringify(reply.body.data)))).toEqual(
      new Set([JSON.stringify({ createEntity: { id, name } })]),
    );
    const [row] = await runCypher(
      `MATCH (n:Entity) WHERE n.name = $name
       WITH count(n) AS entities
       OPTIONAL MATCH (a:Audit {entityId: $id})
       WITH entities, count(a) AS audits
       OPTIONAL MATCH (m:MutationRecord {key: $key})
       RETURN entities, audits, count(m) AS records`,
      { name, id, key: variables.key },
    );
    expect({
      entities: Number(row?.get("entities")),
      audits: Number(row?.get("audits")),
      records: Number(row?.get("records")),
    }).toEqual({ entities: 1, audits: 1, records: 1 });
  });
});
