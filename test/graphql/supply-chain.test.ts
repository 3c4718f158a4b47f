import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCypher } from "../helpers/db";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * The document states no supply relations, so upstream/downstream tracing is exercised on a small
 * fixture chain written next to the seeded graph and removed afterwards:
 * fixture-ore → fixture-steel → fixture-parts → fixture-cars, and fixture-glass → fixture-cars.
 */
const CHAIN: [string, string][] = [
  ["fixture-ore", "fixture-steel"],
  ["fixture-steel", "fixture-parts"],
  ["fixture-parts", "fixture-cars"],
  ["fixture-glass", "fixture-cars"],
];
const NODES = [...new Set(CHAIN.flat())];

async function removeFixture(): Promise<void> {
  await runCypher(`MATCH (n:Entity) WHERE n.id STARTS WITH 'fixture-' DETACH DELETE n`);
}

describe("upstream and downstream tracing", () => {
  let server: TestServer;

  beforeAll(async () => {
    await removeFixture();
    await runCypher(
      `UNWIND $nodes AS id
       CREATE (:Entity:Industry {id: id, kind: 'Industry', name: id, aliases: [], aliasText: '', nameInferred: false})`,
      { nodes: NODES },
    );
    // With the sort keys seeding writes (relation-sort-indexes.cypher): walks order by them.
    await runCypher(
      `UNWIND $edges AS edge
       MATCH (a:Entity {id: edge[0]}), (b:Entity {id: edge[1]})
       CREATE (a)-[:UPSTREAM_OF {id: edge[0] + '|UPSTREAM_OF|' + edge[1], evidence: [], quotes: [],
         evidenceKind: 'explicit', confidence: 1.0,
         outKey: a.id + '\u0001' + b.name + '\u0001' + b.id,
         inKey: b.id + '\u0001' + a.name + '\u0001' + a.id}]->(b)`,
      { edges: CHAIN },
    );
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
    await removeFixture();
  });

  const trace = async (
    field: "upstream" | "downstream",
    id: string,
    depth: number,
  ): Promise<[string, number][]> => {
    const response = await gql<{ [k: string]: { entity: { id: string }; depth: number }[] }>(
      server.url,
      `query ($id: ID!, $depth: Int!) { ${field}(id: $id, depth: $depth) { entity { id } depth via { type source target } } }`,
      { id, depth },
    );
    expect(response.errors).toBeUndefined();
    return response.data![field]!.map((step) => [step.entity.id, step.depth]);
  };

  it("walks to the suppliers of an industry, level by level", async () => {
    expect(await trace("upstream", "fixture-cars", 1)).toEqual([
      ["fixture-glass", 1],
      ["fixture-parts", 1],
    ]);
    expect(await trace("upstream", "fixture-cars", 3)).toEqual([
      ["fixture-glass", 1],
      ["fixture-parts", 1],
      ["fixture-steel", 2],
      ["fixture-ore", 3],
    ]);
  });

  it("walks to what an industry supplies", async () => {
    expect(await trace("downstream", "fixture-ore", 10)).toEqual([
      ["fixture-steel", 1],
      ["fixture-parts", 2],
      ["fixture-cars", 3],
    ]);
  });

  it("finds no supply relations in the document's own industries", async () => {
    expect(await trace("upstream", "industry-automobile", 3)).toEqual([]);
  });

  it("rejects a depth beyond 10 with BAD_USER_INPUT", async () => {
    const response = await gql(server.url, `{ upstream(id: "fixture-cars", depth: 11) { depth } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "depth",
    });
  });
});
