import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext } from "../../src/graphql/context";
import { EntityResolver } from "../../src/graphql/entity.resolver";
import { createLogger } from "../../src/logger";
import { EntityRepository } from "../../src/repositories/entity.repository";
import { coBuiltNodes, coBuiltTwoLevels, fieldsById } from "../helpers/co-built";
import { runInProcess } from "../helpers/in-process";

// A relationship field whose query asks the entities at the other end for none of their long
// fields (aliases, description, citations) reads them brief (EntityRecord.brief); one that asks
// for any reads them whole, in the same round trips.

let db: Database;
beforeAll(() => {
  db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
});
afterAll(async () => {
  await db.close();
});

interface Node {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly aliases?: string[];
  readonly universities?: { node: Node }[];
}

/** Each entity's whole record, read by id on its own (entity(id), which reads it whole). */
const wholeRecords = (ids: readonly string[]) => fieldsById<Node>(ids, "name description aliases");

describe("brief records of a link's other ends", () => {
  it("read the long fields when a query asks for them, in one round trip as a brief read", async () => {
    const brief = await runInProcess(coBuiltTwoLevels("id name"));
    const whole = await runInProcess(coBuiltTwoLevels("id name description aliases"));
    expect(brief.trips).toBe(1);
    expect(whole.trips).toBe(1);
    const wholeNodes = coBuiltNodes<Node>(whole.data);
    // The same entities, and each one's long fields as its own record has them.
    const idAndName = (nodes: Node[]) => nodes.map(({ id, name }) => ({ id, name }));
    expect(idAndName(coBuiltNodes<Node>(brief.data))).toEqual(idAndName(wholeNodes));
    const truth = await wholeRecords([...new Set(wholeNodes.map((node) => node.id))]);
    for (const node of wholeNodes) {
      const { description, aliases } = truth.get(node.id) ?? {};
      expect({ id: node.id, description: node.description, aliases: node.aliases }).toEqual({
        id: node.id,
        description,
        aliases,
      });
    }
    // Not vacuous: 4 co-built entities and 4 universities of theirs, every one described, all but
    // one with aliases.
    expect(wholeNodes.length).toBe(8);
    expect(wholeNodes.filter((node) => (node.description ?? "") !== "").length).toBe(8);
    expect(wholeNodes.filter((node) => (node.aliases ?? []).length > 0).length).toBe(7);
  });

  it("are read whole at one level and brief at the next, as each field asks", async () => {
    const { data, trips } = await runInProcess(`{ entity(id: "shuangliu-county") {
      ... on District { coBuilt(first: 100) { node { id description ... on ResearchInstitute {
        universities(first: 5) { node { id name } } } } } } } }`);
    expect(trips).toBe(1);
    const coBuilt = (data.entity as { coBuilt: { node: Node }[] }).coBuilt.map(({ node }) => node);
    const truth = await wholeRecords(coBuilt.map((node) => node.id));
    expect(coBuilt.map(({ id, description }) => ({ id, description }))).toEqual(
      coBuilt.map(({ id }) => ({ id, description: truth.get(id)?.description })),
    );
  });

  it("are not read again for an alias that asks for less than the read of the other", async () => {
    const { data, trips } = await runInProcess(`{ entity(id: "shuangliu-county") {
      ... on District {
        brief: coBuilt(first: 100) { node { id name } }
        whole: coBuilt(first: 100) { node { id name description } } } } }`);
    expect(trips).toBe(1);
    const entity = data.entity as Record<string, { node: Node }[]>;
    const names = (field: string) => (entity[field] ?? []).map(({ node }) => node.name);
    expect(names("brief")).toEqual(names("whole"));
    expect(names("brief").length).toBe(4);
  });

  it("come from the query without their long fields, and whole when not brief", async () => {
    const entities = new EntityRepository(db);
    const key = { id: "shuangliu-county", type: "CO_BUILT", direction: "OUT" as const, limit: 100 };
    const { lists } = await entities.relations([
      { ...key, brief: true },
      { ...key, brief: false },
    ]);
    const [brief, whole] = lists.map((list) => list.map((relation) => relation.other));
    expect(brief?.length).toBe(4);
    expect(brief?.length).toBe(whole?.length);
    expect(brief?.every((other) => other?.brief === true && other.description === null)).toBe(true);
    expect(whole?.every((other) => other?.brief === undefined)).toBe(true);
    expect(whole?.some((other) => (other?.description ?? "") !== "")).toBe(true);
    // Apart from what it leaves out, a brief record is the whole one.
    expect(
      brief?.map((other) => ({
        ...other,
        brief: undefined,
        aliases: [],
        description: null,
        citations: [],
      })),
    ).toEqual(
      whole?.map((other) => ({
        ...other,
        brief: undefined,
        aliases: [],
        description: null,
        citations: [],
      })),
    );
  });

  it("give their long fields by id when asked after all, in the request that read them brief", async () => {
    const context = createContext(
      db,
      createLogger({ ...loadConfig({ ...process.env, NODE_ENV: "test" }), logLevel: "silent" }),
      "test",
    );
    // Read through the request's loaders, which must not keep the brief records as the entities'.
    const links = [{ type: "CO_BUILT", direction: "OUT" as const }];
    const relations = await context.services.graph.linked("shuangliu-county", { links }, 100, {
      brief: true,
    });
    const briefs = relations.flatMap((relation) => (relation.other ? [relation.other] : []));
    expect(briefs.map((record) => record.brief)).toEqual([true, true, true, true]);
    const resolver = new EntityResolver();
    const read = await Promise.all(
      briefs.map(async (record) => ({
        id: record.id,
        description: await resolver.description(record, context),
        aliases: await resolver.aliases(record, context),
      })),
    );
    const truth = await wholeRecords(briefs.map((record) => record.id));
    expect(read).toEqual(
      briefs.map(({ id }) => ({
        id,
        description: truth.get(id)?.description,
        aliases: truth.get(id)?.aliases,
      })),
    );
    expect(read.filter((entity) => (entity.description ?? "") !== "").length).toBe(4);
  });
});

describe("brief records of a list page", () => {
  type Page = { nodes: Node[] };
  const page = (fields: string) =>
    `{ districts(first: 5) { nodes { ${fields} } } universities(first: 5) { edges { node { ${fields} } } } }`;
  const listed = (data: Record<string, unknown>): Node[] => [
    ...(data.districts as Page).nodes,
    ...(data.universities as { edges: { node: Node }[] }).edges.map((edge) => edge.node),
  ];

  it("read the long fields when a query asks for them, the same entities in one round trip a list", async () => {
    const brief = await runInProcess(page("id name"));
    const whole = await runInProcess(page("id name description aliases"));
    expect([brief.trips, whole.trips]).toEqual([2, 2]);
    const wholeNodes = listed(whole.data);
    expect(listed(brief.data)).toEqual(wholeNodes.map(({ id, name }) => ({ id, name })));
    const truth = await wholeRecords(wholeNodes.map((node) => node.id));
    expect(wholeNodes).toEqual(
      wholeNodes.map(({ id, name }) => ({
        id,
        name,
        description: truth.get(id)?.description,
        aliases: truth.get(id)?.aliases,
      })),
    );
    // Not vacuous: 10 entities, every one described.
    expect(wholeNodes.filter((node) => (node.description ?? "") !== "").length).toBe(10);
  });

  it("come from the page query without their long fields when brief, with their links read too", async () => {
    const { data, trips } = await runInProcess(`{ districts(first: 5) { nodes { id name
      ... on District { coBuilt(first: 20) { node { id name description } } } } } }`);
    expect(trips).toBe(1);
    const coBuilt = (data.districts as { nodes: { coBuilt: { node: Node }[] }[] }).nodes.flatMap(
      (node) => node.coBuilt.map((link) => link.node),
    );
    const truth = await wholeRecords(coBuilt.map((node) => node.id));
    expect(coBuilt.length).toBeGreaterThan(0);
    expect(coBuilt.map(({ id, description }) => ({ id, description }))).toEqual(
      coBuilt.map(({ id }) => ({ id, description: truth.get(id)?.description })),
    );
  });

  it("are not kept as the entities' records: a later load by id gives the whole one", async () => {
    const context = createContext(
      db,
      createLogger({ ...loadConfig({ ...process.env, NODE_ENV: "test" }), logLevel: "silent" }),
      "test",
    );
    // A page of districts read brief, with their co-built links (which primes the entities the
    // links start from), then shuangliu-county by id through the same request's loaders.
    const args = { kind: "District", sortField: "name", sortDirection: "asc", first: 100 } as const;
    const page = await context.services.lists.list(args, {
      brief: true,
      ahead: [
        {
          kind: "District",
          type: "CO_BUILT",
          direction: "OUT",
          limit: 20,
          brief: true,
          names: false,
          bare: true,
          next: [],
        },
      ],
    });
    const listed = page.nodes.find((node) => node.id === "shuangliu-county");
    expect(listed?.brief).toBe(true);
    expect(listed?.description).toBeNull();
    const byId = await context.services.graph.requireEntity("shuangliu-county");
    const truth = (await wholeRecords(["shuangliu-county"])).get("shuangliu-county");
    expect(byId.brief).toBeUndefined();
    expect(byId.description).toBe(truth?.description);
    expect(byId.description ?? "").not.toBe("");
  });
});
