import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECOND_DOCUMENT_DATE } from "../fixtures/documents/second-document";
import { AUTH_ENV, as } from "../helpers/curation";
import { runCypher } from "../helpers/db";
import { removeIngested, reviewSecondDocument } from "../helpers/ingested";
import { gql, startTestServer, type Data, type TestServer } from "../helpers/server";

// FIXTURE: the second document (test/fixtures/documents/second-document.ts) is fictional test
// data, dated 2016-06-30; what the tests write is removed after the file, as ingest.int.test.ts
// removes it.

const SEED_DATE = "2015-01-08";

let server: TestServer;
let documentId = "";
let instituteId = "";

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await gql<Data>(server.url, query, variables, as("editor"));
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

const RELATIONS = `query ($asOf: String) {
  entity(id: "shuangliu-county", asOf: $asOf) {
    relations(first: 200) { id type node { id } firstStated lastStated }
  } }`;

async function shuangliuLinks(
  asOf: string | null,
): Promise<{ id: string; node: { id: string } }[]> {
  const data = await ok(RELATIONS, { asOf });
  return data.entity.relations as { id: string; node: { id: string } }[];
}

beforeAll(async () => {
  server = await startTestServer(AUTH_ENV);
  await removeIngested();
  ({ documentId, instituteId } = await reviewSecondDocument(server.url, {
    restatedFact: "countInChengdu",
  }));
});

afterAll(async () => {
  if (process.env.KEEP) return;
  await removeIngested();
  await server.stop();
});

describe("dates and asOf", () => {
  it("dates a relationship by its evidence's documents, and a quote by its document", async () => {
    const links = await shuangliuLinks(null);
    const added = links.find((link) => link.node.id === instituteId);
    expect(added).toMatchObject({
      type: "CO_BUILT",
      firstStated: SECOND_DOCUMENT_DATE,
      lastStated: SECOND_DOCUMENT_DATE,
    });
    const seeded = links.filter((link) => link.node.id !== instituteId);
    expect(seeded.length).toBeGreaterThan(0);
    const dates = new Set(
      (seeded as unknown as { firstStated: string | null }[]).map((link) => link.firstStated),
    );
    expect(dates).toEqual(new Set([SEED_DATE]));
    const evidence = await ok(
      `query ($id: ID!) { edge(id: $id) { firstStated evidence { documentId date } } }`,
      { id: added?.id },
    );
    expect(evidence.edge).toEqual({
      firstStated: SECOND_DOCUMENT_DATE,
      evidence: [{ documentId, date: SECOND_DOCUMENT_DATE }],
    });
  });

  it("entity relations as of a day leave out what was first stated after it", async () => {
    const all = await shuangliuLinks(null);
    const before = await shuangliuLinks("2015-12-31");
    const after = await shuangliuLinks("2016-07-01");
    expect(all.map((l) => l.node.id)).toContain(instituteId);
    expect(before.map((l) => l.node.id)).not.toContain(instituteId);
    expect(before.map((l) => l.id).sort()).toEqual(
      all
        .filter((l) => l.node.id !== instituteId)
        .map((l) => l.id)
        .sort(),
    );
    expect(after.map((l) => l.id).sort()).toEqual(all.map((l) => l.id).sort());
    // Before the seed document, the county itself had not been mentioned.
    expect((await ok(RELATIONS, { asOf: "2014-12-31" })).entity).toBeNull();
  });

  it("as of a day before an entity's first mention, the entity is not there", async () => {
    const query = `query ($id: ID!, $asOf: String) { entity(id: $id, asOf: $asOf) { id } }`;
    expect((await ok(query, { id: instituteId, asOf: "2015-12-31" })).entity).toBeNull();
    expect((await ok(query, { id: instituteId, asOf: "2016-06-30" })).entity).toEqual({
      id: instituteId,
    });
  });

  it("typed relationship fields take the day on to the level below", async () => {
    const query = `query ($asOf: String) { entity(id: "shuangliu-county", asOf: $asOf) {
      ... on District { coBuilt(first: 50) { node { id } } } } }`;
    const ids = async (asOf: string | null) =>
      ((await ok(query, { asOf })).entity.coBuilt as { node: { id: string } }[]).map(
        (r) => r.node.id,
      );
    expect(await ids(null)).toContain(instituteId);
    expect(await ids("2016-07-01")).toContain(instituteId);
    expect(await ids("2015-12-31")).not.toContain(instituteId);
  });

  it("relationship counts as of a day count what the lists list then", async () => {
    const query = `query ($asOf: String) { entity(id: "shuangliu-county", asOf: $asOf) {
      relationCount relationCountOut: relationCount(direction: OUT)
      relations(first: 200) { id } relationsOut: relations(direction: OUT, first: 200) { id }
      ... on District { coBuiltCount coBuilt(first: 200) { id } } } }`;
    const counts = async (asOf: string | null): Promise<number[]> => {
      const entity = (await ok(query, { asOf })).entity as Data;
      // Each count equals its list's length: none of these lists is cut at 200.
      expect([entity.relationCount, entity.relationCountOut, entity.coBuiltCount]).toEqual([
        entity.relations.length,
        entity.relationsOut.length,
        entity.coBuilt.length,
      ]);
      return [entity.relationCount, entity.relationCountOut, entity.coBuiltCount] as number[];
    };
    const now = await counts(null);
    expect(await counts("2016-06-30")).toEqual(now);
    // The one link the second document added: 双流县 CO_BUILT the institute, outgoing.
    expect(await counts("2015-12-31")).toEqual(now.map((count) => count - 1));
  });

  it("neighborhood as of a day does not walk what was stated after it", async () => {
    const query = `query ($id: ID!, $asOf: String) {
      neighborhood(id: $id, depth: 2, limit: 500, asOf: $asOf) {
        nodes { id degree hasMore } edges { id source target } truncated } }`;
    type View = {
      nodes: { id: string; degree: number; hasMore: boolean }[];
      edges: { id: string; source: string; target: string }[];
      truncated: boolean;
    };
    const view = async (id: string, asOf: string | null): Promise<View | null> =>
      (await ok(query, { id, asOf })).neighborhood as View | null;
    const now = await view("shuangliu-county", null);
    const before = await view("shuangliu-county", "2015-12-31");
    const after = await view("shuangliu-county", "2016-06-30");
    expect(now?.truncated).toBe(false);
    expect(now?.nodes.map((n) => n.id)).toContain(instituteId);
    // Through the institute, depth 2 reaches the industry it focuses on (also reached otherwise).
    expect(after).toEqual(now);
    expect(before?.nodes.map((n) => n.id)).not.toContain(instituteId);
    const touching = (edge: { source: string; target: string }) =>
      edge.source === instituteId || edge.target === instituteId;
    expect(before?.edges.map((e) => e.id).sort()).toEqual(
      now?.edges
        .filter((e) => !touching(e))
        .map((e) => e.id)
        .sort(),
    );
    // Its nodes count their links as of the day too: 双流县 one fewer.
    const countOf = (v: View | null) => v?.nodes.find((n) => n.id === "shuangliu-county");
    expect(countOf(before)?.degree).toBe((countOf(now)?.degree ?? 0) - 1);
    expect(countOf(before)?.hasMore).toBe(countOf(now)?.hasMore);
    // An entity no document had mentioned by the day has no view, as entity(id) has no record.
    expect(await view(instituteId, "2015-12-31")).toBeNull();
    const institute = await view(instituteId, "2016-06-30");
    expect(institute).toEqual(await view(instituteId, null));
    expect(institute?.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([instituteId, "industry-new-energy", "shuangliu-county"]),
    );
  });

  it("innovationChain as of a day leaves out items stated after it", async () => {
    const query = `query ($asOf: String) {
      innovationChain(industryId: "industry-new-energy", asOf: $asOf) {
        stages { key items { entity { id } members { role entity { id } } } } } }`;
    type Stage = {
      key: string;
      items: { entity: { id: string }; members: { role: string; entity: { id: string } }[] }[];
    };
    const stages = async (asOf: string | null): Promise<Stage[]> =>
      (await ok(query, { asOf })).innovationChain.stages as Stage[];
    const now = await stages(null);
    const institutions = now.find((stage) => stage.key === "INSTITUTIONS");
    expect(institutions?.items.find((item) => item.entity.id === instituteId)).toEqual({
      entity: { id: instituteId },
      members: [{ role: "district", entity: { id: "shuangliu-county" } }],
    });
    expect(await stages("2016-06-30")).toEqual(now);
    const before = await stages("2015-12-31");
    // Exactly the chain without the institute: every other item and member as it is now.
    expect(before).toEqual(
      now.map((stage) => ({
        ...stage,
        items: stage.items.filter((item) => item.entity.id !== instituteId),
      })),
    );
    expect(before.flatMap((stage) => stage.items).length).toBeGreaterThan(0);
    // Before the seed document, not even the industry had been mentioned.
    expect((await ok(query, { asOf: "2014-12-31" })).innovationChain).toBeNull();
  });

  it("a restated fact keeps both versions: the latest by default, the older as of its day", async () => {
    const query = `query ($asOf: String, $history: Boolean) {
      entity(id: "new-type-research-institutes", asOf: $asOf) {
        facts(history: $history) { key value statedOn evidence { documentId } } } }`;
    const facts = async (asOf: string | null, history: boolean) =>
      ((await ok(query, { asOf, history })).entity.facts as Data[]).map((f) => [
        f.key,
        f.value,
        f.statedOn,
      ]);
    expect(await facts(null, false)).toEqual([["countInChengdu", 15, SECOND_DOCUMENT_DATE]]);
    expect(await facts("2015-12-31", false)).toEqual([["countInChengdu", 10, SEED_DATE]]);
    const history = [
      ["countInChengdu", 10, SEED_DATE],
      ["countInChengdu", 15, SECOND_DOCUMENT_DATE],
    ];
    expect(await facts(null, true)).toEqual(history);
    expect(await facts("2016-07-01", true)).toEqual(history);
    const [row] = await runCypher(
      `MATCH (:Entity {id: 'new-type-research-institutes'})-[:HAS_FACT]->(f:Fact {key: 'countInChengdu'})
       RETURN collect(f.id) AS ids`,
    );
    expect([...(row?.get("ids") as string[])].sort()).toEqual([
      "new-type-research-institutes:countInChengdu",
      `new-type-research-institutes:countInChengdu@${documentId}`,
    ]);
  });

  it("refuses a day that is not YYYY-MM-DD as BAD_USER_INPUT on asOf", async () => {
    for (const asOf of ["2016-02-30", "2016-6-30", "yesterday", ""]) {
      const response = await gql<Data>(server.url, RELATIONS, { asOf }, as("editor"));
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual(
        [["BAD_USER_INPUT", "asOf"]],
      );
    }
  });
});
