import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WALK_DEGREE_BOUND } from "../../src/model/bounds";
import { deleteEntitiesWithPrefix, runCypher } from "../helpers/db";
import { runInProcess } from "../helpers/in-process";

// Reading ahead leaves out the entities found that are hubs for the links it reads (more of them
// than WALK_DEGREE_BOUND): their next level is read on its own, from the sort-key index, instead
// of by sorting all of them.

// FIXTURE, not fact: a fictional institute affiliated with two universities, a hub with more
// affiliates than the bound and a small one with two (ids fixture-ahead-…, names 测试…), written
// with the sort keys the service writes, and removed after the test.
const PREFIX = "fixture-ahead-";
const INSTITUTE = `${PREFIX}institute`;
const LONE = `${PREFIX}lone`;
const HUB = `${PREFIX}hub`;
const SMALL = `${PREFIX}small`;
const leaf = (n: number): string => `${PREFIX}leaf-${String(n).padStart(3, "0")}`;
const LEAVES = WALK_DEGREE_BOUND + 50;
const PASSAGE = `${PREFIX}passage`;

/** Removes the fixture: its entities and the passage the two universities are mentioned in. */
async function removeFixture(): Promise<void> {
  await deleteEntitiesWithPrefix(PREFIX);
  await runCypher("MATCH (p:Passage {id: $id}) DETACH DELETE p", { id: PASSAGE });
}

beforeAll(async () => {
  await removeFixture();
  const entities: [string, string][] = [
    [INSTITUTE, "ResearchInstitute"],
    [LONE, "ResearchInstitute"],
    [HUB, "University"],
    [SMALL, "University"],
  ];
  for (let n = 1; n <= LEAVES; n += 1) entities.push([leaf(n), "Carrier"]);
  const links: [string, string][] = [
    [INSTITUTE, HUB],
    [INSTITUTE, SMALL],
    [LONE, SMALL],
    [leaf(1), SMALL],
  ];
  for (let n = 1; n <= LEAVES; n += 1) links.push([leaf(n), HUB]);
  await runCypher(
    `UNWIND $entities AS e
     CREATE (:Entity {id: e[0], kind: e[1], name: '测试' + substring(e[0], size($prefix)), aliases: []})`,
    { entities, prefix: PREFIX },
  );
  await runCypher(
    `UNWIND $links AS link
     MATCH (s:Entity {id: link[0]}), (t:Entity {id: link[1]})
     CREATE (s)-[r:AFFILIATED_WITH]->(t)
     SET r.id = s.id + '|AFFILIATED_WITH|' + t.id, r.evidenceKind = 'explicit', r.confidence = 1.0,
       r.outKey = s.id + '\\u0001' + t.name + '\\u0001' + t.id,
       r.inKey = t.id + '\\u0001' + s.name + '\\u0001' + s.id`,
    { links },
  );
  // A link to a passage, which no degree counts.
  await runCypher(
    `CREATE (p:Passage {id: $passage})
     WITH p MATCH (n:Entity) WHERE n.id IN $mentioned CREATE (n)-[:MENTIONED_IN]->(p)`,
    { passage: PASSAGE, mentioned: [HUB, SMALL] },
  );
});
afterAll(removeFixture);

/** An institute's universities, and the first three affiliates of each. */
const universities = (id: string, directive = "") => `{ entity(id: "${id}") {
  ... on ResearchInstitute { universities(first: 5) { node { id
    ... on University { affiliates(first: 3) ${directive} { node { id } } } } } } } }`;

const ids = (...list: string[]) => list.map((id) => ({ node: { id } }));

describe("reading ahead past a hub", () => {
  it("reads a hub's next level on its own, with the same answer as level by level", async () => {
    const ahead = await runInProcess(universities(INSTITUTE));
    const levelByLevel = await runInProcess(universities(INSTITUTE, "@include(if: true)"));
    // By name: 测试hub before 测试small; their affiliates 测试institute, then 测试leaf-001, ….
    expect(ahead.data).toEqual({
      entity: {
        universities: [
          { node: { id: HUB, affiliates: ids(INSTITUTE, leaf(1), leaf(2)) } },
          { node: { id: SMALL, affiliates: ids(INSTITUTE, leaf(1), LONE) } },
        ],
      },
    });
    expect(levelByLevel.data).toEqual(ahead.data);
    // The small university's affiliates came with the first query; the hub's took a second.
    expect(ahead.trips).toBe(2);
    expect(levelByLevel.trips).toBe(2);
  });

  it("reads a hub's next level ahead when it has few links of the type asked", async () => {
    // The hub has LEAVES + 1 affiliates but co-builds nothing: only its links of the type and
    // direction read ahead (CO_BUILT out) count against the bound, so both come in one query.
    const ahead = await runInProcess(`{ entity(id: "${INSTITUTE}") {
      ... on ResearchInstitute { universities(first: 5) { node { id
        ... on University { coBuilt(first: 3) { node { id } } } } } } } }`);
    expect(ahead.data).toEqual({
      entity: {
        universities: [{ node: { id: HUB, coBuilt: [] } }, { node: { id: SMALL, coBuilt: [] } }],
      },
    });
    expect(ahead.trips).toBe(1);
  });

  it("reads an entity's next level ahead when none it finds is a hub", async () => {
    const ahead = await runInProcess(universities(LONE));
    expect(ahead.data).toEqual({
      entity: {
        universities: [{ node: { id: SMALL, affiliates: ids(INSTITUTE, leaf(1), LONE) } }],
      },
    });
    expect(ahead.trips).toBe(1);
  });
});

/** A university's counts: its affiliates, the institutes among them, and all its relationships. */
const counts = (id: string) => `{ entity(id: "${id}") { ... on University {
  affiliatesCount coBuiltInstitutesCount relationCount out: relationCount(direction: OUT)
  inbound: relationCount(types: [AFFILIATED_WITH], direction: IN) } } }`;

describe("counting a hub's relationships", () => {
  it("counts a hub's relationships per type from the degree store, with the same answers", async () => {
    const hub = await runInProcess(counts(HUB));
    // 450 leaves (carriers) and the institute are affiliated with the hub; one is an institute.
    expect(hub.data).toEqual({
      entity: {
        affiliatesCount: LEAVES + 1,
        coBuiltInstitutesCount: 1,
        relationCount: LEAVES + 1,
        out: 0,
        inbound: LEAVES + 1,
      },
    });
    // The entity, its counts (which say it is a hub), then the hub's counts per type.
    expect(hub.trips).toBe(3);
  });

  it("counts an entity that is not a hub in one query", async () => {
    const small = await runInProcess(counts(SMALL));
    // The institute, the lone institute and leaf 1; two are institutes.
    expect(small.data).toEqual({
      entity: {
        affiliatesCount: 3,
        coBuiltInstitutesCount: 2,
        relationCount: 3,
        out: 0,
        inbound: 3,
      },
    });
    expect(small.trips).toBe(2);
  });
});

describe("the degree of a hub in a view", () => {
  it("counts a hub's links to entities per type, as it counts a small entity's", async () => {
    const view = await runInProcess(`{ neighborhood(id: "${INSTITUTE}", depth: 1) {
      nodes { id degree hasMore } } }`);
    // The institute's two universities are shown, and the link to each: the hub has 450 more.
    expect(view.data).toEqual({
      neighborhood: {
        nodes: [
          { id: INSTITUTE, degree: 2, hasMore: false },
          { id: HUB, degree: LEAVES + 1, hasMore: true },
          { id: SMALL, degree: 3, hasMore: true },
        ],
      },
    });
  });
});
