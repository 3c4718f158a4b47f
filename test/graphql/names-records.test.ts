import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext, type Context } from "../../src/graphql/context";
import { EntityResolver } from "../../src/graphql/entity.resolver";
import { createLogger } from "../../src/logger";
import type { EntityRecord } from "../../src/model/records";
import { EntityRepository } from "../../src/repositories/entity.repository";
import { coBuiltNodes, coBuiltTwoLevels, fieldsById } from "../helpers/co-built";
import { runInProcess } from "../helpers/in-process";

// A relationship field or list page whose query asks its entities for their id, kind and name
// only reads them as names (EntityRecord.names): brief, and without nameEn, nameEnOfficial,
// nameInferred and chainPosition either (NAMES_LEAVES_OUT); one that asks for any of them reads
// them brief, in the same round trips.

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
  readonly nameEn?: string | null;
  readonly nameEnOfficial?: boolean | null;
  readonly nameInferred?: boolean;
  readonly universities?: { node: Node }[];
}

const SHORT_FIELDS = "nameEn nameEnOfficial nameInferred";

/** Each entity's short fields as its own record has them (entity(id) reads it whole). */
const shortFieldsOf = (ids: readonly string[]) => fieldsById<Node>(ids, SHORT_FIELDS);

function requestContext(): Context {
  return createContext(
    db,
    createLogger({ ...loadConfig({ ...process.env, NODE_ENV: "test" }), logLevel: "silent" }),
    "test",
  );
}

const idAndName = ({ id, name }: Node) => ({ id, name });

describe("names records of a link's other ends", () => {
  it("give the other short fields when a query asks for them, in one round trip as a names read", async () => {
    const names = await runInProcess(coBuiltTwoLevels("id name"));
    const brief = await runInProcess(coBuiltTwoLevels(`id name ${SHORT_FIELDS}`));
    expect(names.trips).toBe(1);
    expect(brief.trips).toBe(1);
    const briefNodes = coBuiltNodes<Node>(brief.data);
    expect(coBuiltNodes<Node>(names.data).map(idAndName)).toEqual(briefNodes.map(idAndName));
    const truth = await shortFieldsOf([...new Set(briefNodes.map((node) => node.id))]);
    expect(briefNodes.map(({ universities: _, ...node }) => node)).toEqual(
      briefNodes.map(({ id, name }) => ({ name, ...truth.get(id) })),
    );
    // Not vacuous: 8 entities, each with an English name, one of them inferred.
    expect(briefNodes.length).toBe(8);
    expect(briefNodes.filter((node) => (node.nameEn ?? "") !== "").length).toBe(8);
    expect(briefNodes.filter((node) => node.nameInferred === true).length).toBe(2);
  });

  it("come from the query as their id, kind and name, and are otherwise the brief records", async () => {
    const entities = new EntityRepository(db);
    const key = { id: "shuangliu-county", type: "CO_BUILT", direction: "OUT" as const, limit: 100 };
    const { lists } = await entities.relations([
      { ...key, brief: true, names: true },
      { ...key, brief: true },
    ]);
    const [names, brief] = lists.map((list) => list.map((relation) => relation.other));
    expect(names?.length).toBe(4);
    expect(names?.every((other) => other?.names === true && other.brief === true)).toBe(true);
    expect(names?.every((other) => other?.nameEn === null && other.chainPosition === null)).toBe(
      true,
    );
    expect(brief?.every((other) => other?.names === undefined && other?.nameEn !== null)).toBe(
      true,
    );
    const leftOut = (other: EntityRecord | null | undefined) => ({
      ...other,
      names: undefined,
      nameEn: null,
      nameEnOfficial: null,
      nameInferred: false,
      chainPosition: null,
    });
    expect(names?.map(leftOut)).toEqual(brief?.map(leftOut));
  });

  it("give their short fields by id when asked after all, in the request that read them", async () => {
    const context = requestContext();
    const links = [{ type: "CO_BUILT", direction: "OUT" as const }];
    const relations = await context.services.graph.linked("shuangliu-county", { links }, 100, {
      brief: true,
      names: true,
    });
    const records = relations.flatMap((relation) => (relation.other ? [relation.other] : []));
    expect(records.map((record) => record.names)).toEqual([true, true, true, true]);
    const resolver = new EntityResolver();
    const read = await Promise.all(
      records.map(async (record) => ({
        id: record.id,
        nameEn: await resolver.nameEn(record, context),
        nameEnOfficial: await resolver.nameEnOfficial(record, context),
        nameInferred: await resolver.nameInferred(record, context),
      })),
    );
    const truth = await shortFieldsOf(records.map((record) => record.id));
    expect(read).toEqual(records.map(({ id }) => truth.get(id)));
  });

  it("are not read again for an alias that asks for more of the same links", async () => {
    const { data, trips } = await runInProcess(`{ entity(id: "shuangliu-county") {
      ... on District { a: coBuilt(first: 100) { node { id nameEn } }
        b: coBuilt(first: 100) { node { id } } } } }`);
    const entity = data.entity as { a: { node: Node }[]; b: { node: Node }[] };
    expect(entity.b.map(({ node }) => node.id)).toEqual(entity.a.map(({ node }) => node.id));
    expect(entity.a.length).toBe(4);
    expect(trips).toBe(1);
  });
});

describe("names records of a list page", () => {
  it("give the same entities as a brief page, and their short fields when asked", async () => {
    const page = (fields: string) => `{ districts(first: 100) { nodes { ${fields} } } }`;
    const names = await runInProcess(page("id name"));
    const brief = await runInProcess(page(`id name ${SHORT_FIELDS}`));
    const nodes = (data: Record<string, unknown>) => (data.districts as { nodes: Node[] }).nodes;
    expect(names.trips).toBe(1);
    expect(brief.trips).toBe(1);
    expect(nodes(names.data).map(idAndName)).toEqual(nodes(brief.data).map(idAndName));
    const truth = await shortFieldsOf(nodes(brief.data).map((node) => node.id));
    expect(nodes(brief.data)).toEqual(
      nodes(brief.data).map(({ id, name }) => ({ name, ...truth.get(id) })),
    );
    expect(nodes(brief.data).length).toBeGreaterThan(10);
  });

  it("are not kept as the entities' records: a later load by id gives the whole one", async () => {
    const context = requestContext();
    const args = { kind: "District", sortField: "name", sortDirection: "asc", first: 100 } as const;
    const page = await context.services.lists.list(args, { brief: true, names: true });
    const listed = page.nodes.find((node) => node.id === "shuangliu-county");
    expect(listed?.names).toBe(true);
    expect(listed?.nameEn).toBeNull();
    const byId = await context.services.graph.requireEntity("shuangliu-county");
    expect(byId.names).toBeUndefined();
    expect(byId.nameEn).toBe("Shuangliu County");
  });
});
