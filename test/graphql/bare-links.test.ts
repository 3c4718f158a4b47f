import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { EntityRepository } from "../../src/repositories/entity.repository";
import { runInProcess } from "../helpers/in-process";

// A relationship field whose query asks its links for none of the fields read from their
// properties (evidenceKind, confidence, note, citation, properties) reads them bare
// (RelationRecord.bare): the same links, without their properties. One that asks for any reads
// them whole, in the same round trips, and two fields of one link (aliases) never mix them up.

let db: Database;
beforeAll(() => {
  db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
});
afterAll(async () => {
  await db.close();
});

interface Link {
  readonly id: string;
  readonly type?: string;
  readonly direction?: string;
  readonly source?: string;
  readonly target?: string;
  readonly evidenceKind?: string;
  readonly confidence?: number;
  readonly note?: string | null;
  readonly properties?: { key: string; value: string }[];
  readonly node: { id: string; universities?: Link[] };
}

const WHOLE = "evidenceKind confidence note properties { key value }";

/** Two levels of shuangliu-county's co-built links, asking each link `fields`. */
const twoLevels = (fields: string) => `{ entity(id: "shuangliu-county") { ... on District {
  coBuilt(first: 100) { id ${fields} node { id ... on ResearchInstitute {
    universities(first: 5) { id ${fields} node { id } } } } } } } }`;

function linksOf(data: Record<string, unknown>, field = "coBuilt"): Link[] {
  const entity = data.entity as Record<string, Link[]>;
  return (entity[field] ?? []).flatMap((link) => [link, ...(link.node.universities ?? [])]);
}

describe("bare links", () => {
  it("are the same links as whole ones, in one round trip each", async () => {
    const bare = await runInProcess(twoLevels("type direction source target"));
    const whole = await runInProcess(twoLevels(`type direction source target ${WHOLE}`));
    expect(bare.trips).toBe(1);
    expect(whole.trips).toBe(1);
    const ends = (links: Link[]) =>
      links.map(({ id, type, direction, source, target, node }) => ({
        id,
        type,
        direction,
        source,
        target,
        node: node.id,
      }));
    expect(ends(linksOf(bare.data))).toEqual(ends(linksOf(whole.data)));
    // Not vacuous: 4 co-built institutes and their 4 universities, each link with its own id.
    expect(linksOf(whole.data).map((link) => link.id)).toEqual([
      "shuangliu-county|CO_BUILT|cuit-chengdu-research-institute",
      "cuit-chengdu-research-institute|AFFILIATED_WITH|cuit",
      "shuangliu-county|CO_BUILT|uestc-chengdu-research-institute",
      "uestc-chengdu-research-institute|AFFILIATED_WITH|uestc",
      "shuangliu-county|CO_BUILT|swjtu-chengdu-research-institute",
      "swjtu-chengdu-research-institute|AFFILIATED_WITH|swjtu",
      "shuangliu-county|CO_BUILT|cityu-chengdu-research-institute",
      "cityu-chengdu-research-institute|AFFILIATED_WITH|cityu",
    ]);
  });

  it("give a field that asks for properties the link's own, beside an alias that reads it bare", async () => {
    const { data, trips } = await runInProcess(`{ entity(id: "shuangliu-county") {
      ... on District {
        bare: coBuilt(first: 100) { id node { id } }
        whole: coBuilt(first: 100) { id ${WHOLE} node { id } } } } }`);
    expect(trips).toBe(1);
    const whole = linksOf(data, "whole");
    expect(linksOf(data, "bare").map((link) => link.id)).toEqual(whole.map((link) => link.id));
    // The properties the stored relationships hold: each co-built link names its partner.
    expect(
      whole.map(({ evidenceKind, confidence, note, properties }) => ({
        evidenceKind,
        confidence,
        note,
        properties,
      })),
    ).toEqual(
      whole.map(() => ({
        evidenceKind: "explicit",
        confidence: 1,
        note: null,
        properties: [{ key: "partner", value: "高校" }],
      })),
    );
  });

  it("give a field asked at the next level whole its properties, when the level above is bare", async () => {
    const { data, trips } = await runInProcess(`{ entity(id: "shuangliu-county") {
      ... on District { coBuilt(first: 100) { node { id ... on ResearchInstitute {
        universities(first: 5) { id properties { key value } node { id } } } } } } } }`);
    expect(trips).toBe(1);
    const universities = (data.entity as { coBuilt: Link[] }).coBuilt.flatMap(
      (link) => link.node.universities ?? [],
    );
    const truth = linksOf((await runInProcess(twoLevels(WHOLE))).data).filter((link) =>
      link.id.includes("|AFFILIATED_WITH|"),
    );
    expect(universities.length).toBe(4);
    expect(universities.map(({ id, properties }) => ({ id, properties }))).toEqual(
      truth.map(({ id, properties }) => ({ id, properties })),
    );
  });

  it("come from the query without their properties, and whole when not bare", async () => {
    const entities = new EntityRepository(db);
    const key = { id: "shuangliu-county", type: "CO_BUILT", direction: "OUT" as const, limit: 100 };
    const { lists } = await entities.relations([
      { ...key, bare: true },
      { ...key, bare: false },
    ]);
    const [bare, whole] = lists;
    expect(bare?.length).toBe(4);
    expect(bare?.every((link) => link.bare === true && link.properties.length === 0)).toBe(true);
    expect(whole?.every((link) => link.bare === undefined && link.properties.length === 1)).toBe(
      true,
    );
    // Apart from what it leaves out, a bare link is the whole one.
    expect(bare?.map((link) => ({ ...link, bare: undefined, properties: [] }))).toEqual(
      whole?.map((link) => ({ ...link, bare: undefined, properties: [] })),
    );
  });

  it("are read bare on a list page too, and whole when the page's field asks", async () => {
    const page = (fields: string) => `{ districts(first: 3) { nodes { id ... on District {
      coBuilt(first: 20) { id ${fields} node { id } } } } } }`;
    const bare = await runInProcess(page(""));
    const whole = await runInProcess(page("properties { key value }"));
    expect([bare.trips, whole.trips]).toEqual([1, 1]);
    type Page = { districts: { nodes: { id: string; coBuilt: Link[] }[] } };
    const ids = (data: Record<string, unknown>) =>
      (data as unknown as Page).districts.nodes.map((n) => n.coBuilt.map((link) => link.id));
    expect(ids(bare.data)).toEqual(ids(whole.data));
    const properties = (whole.data as unknown as Page).districts.nodes.flatMap((n) =>
      n.coBuilt.flatMap((link) => link.properties ?? []),
    );
    expect(properties.length).toBeGreaterThan(0);
  });
});
