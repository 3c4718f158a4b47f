import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";
import { AUTH_ENV, DOC, as, newKey } from "../helpers/curation";

type Data = Record<string, any>;

const TEXT = readFileSync(path.resolve(__dirname, "../../seeds/documents", `${DOC}.txt`), "utf8");
const QUOTE = "成都技术转移集团";
const START = TEXT.indexOf(QUOTE);
const PASSAGE = { documentId: DOC, start: START, quote: QUOTE };
const NOTE = { note: "added by the curation test", author: "test-suite" };
const RUN = newKey("run").slice(-8);
const ID = `test-curated-${RUN}`;

let server: TestServer;

const ENTITY_FIELDS = `id kind name nameEn aliases evidence { quote start documentId }`;
const CREATE = `mutation ($input: CreateEntityInput!, $evidence: EvidenceInput!, $key: String!) {
  createEntity(input: $input, evidence: $evidence, idempotencyKey: $key) { ${ENTITY_FIELDS} } }`;
const LINK = `mutation ($input: LinkInput!, $evidence: EvidenceInput!, $key: String!) {
  link(input: $input, evidence: $evidence, idempotencyKey: $key) { id type source target evidenceKind evidence { quote } node { id } } }`;
const DELETE = `mutation ($id: ID!, $cascade: Boolean!, $evidence: EvidenceInput!, $key: String!) {
  deleteEntity(id: $id, cascade: $cascade, evidence: $evidence, idempotencyKey: $key) { id relationshipsRemoved } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { action actor entityId relatedIds before after idempotencyKey } }`;

async function call(
  role: "anonymous" | "reader" | "editor" | "admin",
  query: string,
  variables: Data,
) {
  return gql<Data>(server.url, query, variables, as(role));
}

beforeAll(async () => {
  server = await startTestServer(AUTH_ENV);
});
afterAll(async () => {
  // Leave the seeded graph as it was: remove what this run created.
  for (const id of [ID, `${ID}-b`, `${ID}-twin`]) {
    await call("admin", DELETE, { id, cascade: true, evidence: NOTE, key: newKey("cleanup") });
  }
  await server.stop();
});

describe("createEntity", () => {
  it("creates an entity whose quote is checked against the document, and records who did it", async () => {
    const key = newKey();
    const input = {
      id: ID,
      kind: "Enterprise",
      name: `测试企业${RUN}`,
      nameEn: `Test Enterprise ${RUN}`,
      aliases: [`TE${RUN}`],
    };
    const created = await call("editor", CREATE, { input, evidence: PASSAGE, key });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEntity).toMatchObject({
      id: ID,
      kind: "Enterprise",
      name: input.name,
    });
    expect(created.data!.createEntity.evidence).toEqual([
      { quote: QUOTE, start: START, documentId: DOC },
    ]);

    const resolved = await gql<Data>(
      server.url,
      `query ($n: String!) { resolve(name: $n) { id } }`,
      { n: `te${RUN}` },
    );
    expect(resolved.data!.resolve).toEqual([{ id: ID }]);

    const history = await gql<Data>(server.url, HISTORY, { id: ID });
    expect(history.data!.history).toHaveLength(1);
    expect(history.data!.history[0]).toMatchObject({
      action: "createEntity",
      entityId: ID,
      before: null,
      idempotencyKey: key,
    });
    expect(history.data!.history[0].actor).toMatch(/^apikey:editor:/);
    expect(JSON.parse(history.data!.history[0].after)).toMatchObject({ id: ID, name: input.name });
  });

  it("returns the first result for a replayed key and writes nothing more", async () => {
    const key = newKey();
    const input = { id: `${ID}-b`, kind: "Enterprise", name: `测试企业B${RUN}` };
    const first = await call("editor", CREATE, { input, evidence: NOTE, key });
    const again = await call("editor", CREATE, { input, evidence: NOTE, key });
    expect(again).toEqual(first);
    const history = await gql<Data>(server.url, HISTORY, { id: `${ID}-b` });
    expect(history.data!.history).toHaveLength(1);
  });

  it("refuses a key reused for a different request with CONFLICT", async () => {
    const key = newKey();
    await call("editor", CREATE, {
      input: { kind: "Enterprise", name: `甲${RUN}` },
      evidence: NOTE,
      key,
    });
    const other = await call("editor", CREATE, {
      input: { kind: "Enterprise", name: `乙${RUN}` },
      evidence: NOTE,
      key,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    // Clean the derived-id entity up through the API.
    const found = await gql<Data>(server.url, `query ($n: String!) { resolve(name: $n) { id } }`, {
      n: `甲${RUN}`,
    });
    for (const { id } of found.data!.resolve)
      await call("admin", DELETE, { id, cascade: true, evidence: NOTE, key: newKey() });
  });

  it("rejects a quote that is not at its offset, and writes nothing", async () => {
    const input = { id: `${ID}-bad`, kind: "Enterprise", name: `坏证据${RUN}` };
    const response = await call("editor", CREATE, {
      input,
      evidence: { ...PASSAGE, start: START + 1 },
      key: newKey(),
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "evidence",
    });
    expect(
      (await gql<Data>(server.url, `{ entity(id: "${ID}-bad") { id } }`)).data!.entity,
    ).toBeNull();
  });

  it("rejects evidence that is both a passage and a note, an unknown kind and a bad key", async () => {
    const both = await call("editor", CREATE, {
      input: { kind: "Enterprise", name: "x" },
      evidence: { ...PASSAGE, ...NOTE },
      key: newKey(),
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "evidence",
    });
    const kind = await call("editor", CREATE, {
      input: { kind: "Planet", name: "x" },
      evidence: NOTE,
      key: newKey(),
    });
    expect(kind.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const key = await call("editor", CREATE, {
      input: { kind: "Enterprise", name: "x" },
      evidence: NOTE,
      key: "short",
    });
    expect(key.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "idempotencyKey",
    });
  });

  it("gives one entity for fifty concurrent identical creates", async () => {
    const key = newKey("twin");
    const input = { id: `${ID}-twin`, kind: "Enterprise", name: `并发${RUN}` };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => call("editor", CREATE, { input, evidence: NOTE, key })),
    );
    for (const response of responses)
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(new Set(responses.map((r) => JSON.stringify(r.data)))).toHaveProperty("size", 1);
    const list = await gql<Data>(
      server.url,
      `{ enterprises(filter: { name: "并发${RUN}" }) { totalCount } }`,
    );
    expect(list.data!.enterprises.totalCount).toBe(1);
    const history = await gql<Data>(server.url, HISTORY, { id: `${ID}-twin` });
    expect(history.data!.history).toHaveLength(1);
  });
});

describe("link, unlink and delete", () => {
  it("links only kinds the relationship type allows", async () => {
    const response = await call("editor", LINK, {
      input: { source: ID, type: "ROADMAP_FOR", target: "uestc" },
      evidence: NOTE,
      key: newKey(),
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "type",
    });
    expect(response.errors?.[0]?.message).toBe(
      "ROADMAP_FOR goes from TechnologyRoadmap to Industry, not from Enterprise to University",
    );
  });

  it("links, refuses a duplicate, and shows the link in both entities' history", async () => {
    const linked = await call("editor", LINK, {
      input: { source: ID, type: "TARGETS", target: "universities-and-institutes" },
      evidence: PASSAGE,
      key: newKey(),
    });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.link).toMatchObject({
      id: `${ID}|TARGETS|universities-and-institutes`,
      evidenceKind: "explicit",
      evidence: [{ quote: QUOTE }],
      node: { id: "universities-and-institutes" },
    });
    const again = await call("editor", LINK, {
      input: { source: ID, type: "TARGETS", target: "universities-and-institutes" },
      evidence: PASSAGE,
      key: newKey(),
    });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const history = await gql<Data>(server.url, HISTORY, { id: "universities-and-institutes" });
    expect(
      history.data!.history.filter((h: Data) => h.entityId === ID).map((h: Data) => h.action),
    ).toEqual(["link"]);
  });

  it("refuses to delete an entity that still has relationships unless cascaded, and only for admins", async () => {
    const editor = await call("editor", DELETE, {
      id: ID,
      cascade: true,
      evidence: NOTE,
      key: newKey(),
    });
    expect(editor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const refused = await call("admin", DELETE, {
      id: ID,
      cascade: false,
      evidence: NOTE,
      key: newKey(),
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(refused.errors?.[0]?.message).toContain("still has 1 relationship");
  });

  it("unlinks, then deletes, keeping the audit trail", async () => {
    const unlinked = await call(
      "editor",
      `mutation ($key: String!, $evidence: EvidenceInput!) {
      unlink(source: "${ID}", type: TARGETS, target: "universities-and-institutes", evidence: $evidence, idempotencyKey: $key) { id removed } }`,
      { key: newKey(), evidence: NOTE },
    );
    expect(unlinked.data!.unlink).toEqual({
      id: `${ID}|TARGETS|universities-and-institutes`,
      removed: true,
    });
    const deleted = await call("admin", DELETE, {
      id: ID,
      cascade: false,
      evidence: NOTE,
      key: newKey(),
    });
    expect(deleted.data!.deleteEntity).toEqual({ id: ID, relationshipsRemoved: 0 });
    expect((await gql<Data>(server.url, `{ entity(id: "${ID}") { id } }`)).data!.entity).toBeNull();
    const history = await gql<Data>(server.url, HISTORY, { id: ID });
    expect(history.data!.history.map((h: Data) => h.action)).toEqual([
      "createEntity",
      "link",
      "unlink",
      "deleteEntity",
    ]);
  });
});
