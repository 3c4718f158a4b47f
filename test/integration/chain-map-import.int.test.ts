import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext } from "../../src/graphql/context";
import { createSchema } from "../../src/graphql/schema";
import { createLogger } from "../../src/logger";
import type { ChainMap, MemberRow } from "../../src/model/chain-map";
import { createServices } from "../../src/services";
import type { ImportPlan } from "../../src/services/chain-maps/import.service";
import { parseChainMap } from "../../src/services/chain-maps/parse";
import {
  badWorkbook,
  csvOf,
  fixtureData,
  workbookOf,
  type ExpectedRows,
  type FixtureTables,
} from "../fixtures/chain-maps/build";
import { runCypher } from "../helpers/db";

// FIXTURE: every chain map here is test data (test/fixtures/chain-maps/build.ts: 测试产业A …),
// imported under import sets named fixture-…, and removed after the file.

const SET = "fixture-chains";
const config = loadConfig({ ...process.env, NODE_ENV: "test" });
const editor = { id: "test:editor", roles: ["editor" as const], anonymous: false };
let db: Database;

async function mapOf(tables: FixtureTables, name = "fixture.xlsx"): Promise<ChainMap> {
  const parsed = await parseChainMap(await workbookOf(tables), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.map;
}

const importer = () => createServices(db, editor).chainMaps;
const options = { importSet: SET, actor: editor.id };

/** A digest of the knowledge graph: every entity's stored fields and every link between two. */
async function graphChecksum(): Promise<string> {
  const [record] = await runCypher(
    `MATCH (n:Entity)
     WITH n ORDER BY n.id
     WITH collect(n.id + '|' + coalesce(n.name, '') + '|' + coalesce(n.chainPosition, '') + '|' +
       reduce(s = '', a IN coalesce(n.aliases, []) | s + a + ';') + '|' +
       reduce(s = '', c IN coalesce(n.citations, []) | s + c + ';')) AS nodes
     MATCH (s:Entity)-[r]->(t:Entity)
     WITH nodes, s.id + '|' + type(r) + '|' + t.id + '|' + coalesce(r.citation, '') + '|' +
       coalesce(r.role, '') AS link
     ORDER BY link
     RETURN nodes, collect(link) AS links`,
  );
  return JSON.stringify([record?.get("nodes"), record?.get("links")]);
}

async function removeFixtures(): Promise<void> {
  await runCypher(
    `MATCH (s:Entity)-[r]->(t:Entity) WHERE r.importSet STARTS WITH 'fixture-' DELETE r`,
  );
  await runCypher(`MATCH (n:Entity) WHERE n.importSet STARTS WITH 'fixture-' DETACH DELETE n`);
  await runCypher(`MATCH (f:NameForm) WHERE NOT (f)-[:NAMES]->() DELETE f`);
  await runCypher(`MATCH (i:ChainMapImport) WHERE i.importSet STARTS WITH 'fixture-' DELETE i`);
}

async function run(
  source: string,
  variables: Record<string, unknown> = {},
  principal = editor,
): Promise<{ data: Record<string, unknown> | null; codes: string[] }> {
  const context = createContext(
    db,
    createLogger({ ...config, logLevel: "silent" }),
    "t",
    principal,
  );
  const result = await graphql({
    schema: await createSchema(),
    source,
    contextValue: context,
    variableValues: variables,
  });
  return {
    data: result.data ?? null,
    codes: (result.errors ?? []).map((error) => String(error.extensions.code)),
  };
}

/** What importing the fixture must create, counted from its rows by hand-written rules. */
function expectedCreates(expected: ExpectedRows): { entities: number; relationships: number } {
  const industries = new Set(expected.segments.map((s) => s.industry)).size;
  const districts = new Set(
    expected.members.map((m) => m.district).filter((d): d is string => d !== null),
  ).size;
  const entities = industries + expected.segments.length + expected.members.length + districts;
  const relationships =
    expected.segments.length + // SEGMENT_OF
    expected.segments.filter((s) => s.parent !== null).length + // PART_OF
    expected.segments.reduce((sum, s) => sum + s.supplies.length, 0) + // UPSTREAM_OF
    expected.members.reduce((sum, m) => sum + m.segments.length, 0) + // IN_SEGMENT
    expected.members.filter((m) => m.district !== null).length + // LOCATED_IN
    expected.links.length;
  return { entities, relationships };
}

beforeAll(async () => {
  db = Database.connect(config);
  await removeFixtures();
});

afterAll(async () => {
  await removeFixtures();
  await db.close();
});

describe("importing a chain map (3 industries × 20 segments × 200 organisations)", () => {
  const { tables } = fixtureData();
  let before: string;
  let plan: ImportPlan;

  it("plans exactly the creates its rows ask for, and writes nothing on a dry run", async () => {
    before = await graphChecksum();
    const map = await mapOf(tables);
    plan = await importer().plan(map, options);
    const { entities, relationships } = expectedCreates(fixtureData().expected);
    // 3 industries + 60 segments + 600 organisations + 3 districts; 60 SEGMENT_OF, 12 PART_OF,
    // 66 UPSTREAM_OF, 798 IN_SEGMENT, 450 LOCATED_IN, 72 links.
    expect([entities, relationships]).toEqual([666, 1458]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.entityCounts).toEqual({ create: entities, update: 0, unchanged: 0, remove: 0 });
    expect(plan.relationshipCounts).toEqual({
      create: relationships,
      update: 0,
      unchanged: 0,
      remove: 0,
    });
    const segment = plan.entities.find((change) => change.name === "测试产业A-环节07");
    expect(segment).toMatchObject({ action: "create", kind: "ChainSegment" });
    expect(segment?.fields.map((field) => field.field)).toEqual([
      "kind",
      "name",
      "aliases",
      "chainPosition",
      "citations",
    ]);
    expect(await graphChecksum()).toBe(before);
  });

  it("applies it, and importing the same file again changes nothing", async () => {
    const map = await mapOf(tables);
    const result = await importer().apply(map, options);
    expect(result.applied).toBe(true);
    const after = await graphChecksum();
    expect(after).not.toBe(before);
    const again = await importer().apply(map, options);
    expect(again.entityCounts).toEqual({ create: 0, update: 0, unchanged: 666, remove: 0 });
    expect(again.relationshipCounts).toEqual({ create: 0, update: 0, unchanged: 1458, remove: 0 });
    expect(await graphChecksum()).toBe(after);
    const [audit] = await runCypher(
      "MATCH (i:ChainMapImport {importSet: $set}) RETURN count(i) AS n, collect(DISTINCT i.checksum) AS sums",
      { set: SET },
    );
    expect(Number(audit?.get("n"))).toBe(2);
    expect(audit?.get("sums")).toEqual([map.checksum]);
  });

  it("an edited copy updates exactly the edited records and removes the dropped ones", async () => {
    const edited = structuredClone(tables);
    const members = edited.members;
    // 1. A member moves district: its LOCATED_IN goes, another comes.
    const moved = members.find((row) => row.name === "测试企业A-002");
    if (moved === undefined) throw new Error("fixture changed");
    expect(moved.district).toBe("测试区乙");
    moved.district = "测试县丙";
    // 2. A member is dropped: it and its links go.
    const dropped = members.findIndex((row) => row.name === "测试企业B-003");
    const [droppedRow] = members.splice(dropped, 1);
    expect(droppedRow?.segments).toBe("测试产业B-环节03\n测试产业B-环节04");
    // 3. A segment gets an alias.
    const segment = edited.segments.find((row) => row.segment === "测试产业C-环节01");
    if (segment === undefined) throw new Error("fixture changed");
    segment.aliases = "C链起点";
    // 4. A role changes.
    const role = members.find((row) => row.name === "测试企业A-004");
    if (role === undefined) throw new Error("fixture changed");
    role.role = "链主";

    const result = await importer().apply(await mapOf(edited), options);
    const changed = <T extends { action: string }>(list: readonly T[]): T[] =>
      list.filter((change) => change.action !== "unchanged");
    expect(changed(result.entities).map((c) => [c.action, c.name])).toEqual([
      ["update", "测试产业C-环节01"],
      // The district's citations are the rows naming it: 测试企业A-002's row (page 3) now does.
      ["update", "测试县丙"],
      ["remove", "测试企业B-003"],
    ]);
    expect(
      changed(result.relationships)
        .map((c) => `${c.action} ${c.type}`)
        .sort(),
    ).toEqual([
      "create LOCATED_IN",
      "remove IN_SEGMENT",
      "remove IN_SEGMENT",
      "remove LOCATED_IN",
      "remove LOCATED_IN",
      "update IN_SEGMENT",
    ]);
    const update = changed(result.relationships).find((c) => c.action === "update");
    expect(update?.fields).toEqual([{ field: "role", before: "supplier", after: "chain-leader" }]);
    // 测试企业A-002 left 测试区乙 for 测试县丙; 测试企业B-003 (in 测试县丙, segments 03 and 04) went
    // with its three links.
    expect(result.keptEntities).toBe(0);
    const [gone] = await runCypher("MATCH (n:Entity {name: '测试企业B-003'}) RETURN count(n) AS n");
    expect(Number(gone?.get("n"))).toBe(0);
  });
});

describe("a chunked import (a transaction per batch, for files too large for one)", () => {
  const CHUNKED = "fixture-chunked";
  beforeAll(removeFixtures);

  it("writes the same graph as one transaction, and again changes nothing", async () => {
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 5,
      membersPerIndustry: 40,
    });
    const map = await mapOf(tables);
    const before = await graphChecksum();
    await importer().apply(map, { importSet: CHUNKED, actor: editor.id });
    const atomic = await graphChecksum();
    await removeFixtures();
    expect(await graphChecksum()).toBe(before);
    const result = await importer().apply(map, {
      importSet: CHUNKED,
      actor: editor.id,
      chunked: true,
      batchSize: 7,
    });
    expect(result.applied).toBe(true);
    expect(await graphChecksum()).toBe(atomic);
    const again = await importer().apply(map, {
      importSet: CHUNKED,
      actor: editor.id,
      chunked: true,
    });
    expect(again.entityCounts.create + again.entityCounts.update + again.entityCounts.remove).toBe(
      0,
    );
    expect(await graphChecksum()).toBe(atomic);
  });
});

describe("an entity the file drops but something else links", () => {
  const KEPT = "fixture-kept";
  beforeAll(removeFixtures);

  it("stays, no longer owned, losing only the chain map's links", async () => {
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 2,
      membersPerIndustry: 2,
    });
    await importer().apply(await mapOf(tables), { importSet: KEPT, actor: editor.id });
    try {
      // A link no chain map wrote (as a curator's would be) to one of its organisations.
      await runCypher(
        `MATCH (u:University {name: '电子科技大学'}), (m:Entity {name: '测试企业A-002'})
         CREATE (m)-[:TARGETS {id: 'fixture-kept-link'}]->(u)`,
      );
      const dropped = {
        ...tables,
        members: tables.members.filter((row) => row.name !== "测试企业A-002"),
      };
      const result = await importer().apply(await mapOf(dropped), {
        importSet: KEPT,
        actor: editor.id,
      });
      expect(result.keptEntities).toBe(1);
      const [row] = await runCypher(
        `MATCH (m:Entity {name: '测试企业A-002'})
         RETURN m.importSet AS owner, [(m)-[r]-(:Entity) | type(r)] AS links`,
      );
      expect(row?.get("owner")).toBeNull();
      expect(row?.get("links")).toEqual(["TARGETS"]);
    } finally {
      await runCypher(`MATCH (m:Entity {name: '测试企业A-002'}) DETACH DELETE m`);
    }
  });
});

describe("names resolved as resolve does, and conflicts", () => {
  const SMALL = "fixture-names";
  beforeAll(removeFixtures);
  const small = (members: Partial<MemberRow & { kindCell: string }>[]) => {
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 2,
      membersPerIndustry: 0,
    });
    return {
      ...tables,
      members: members.map((m) => ({
        name: m.name ?? "",
        kind: m.kindCell ?? "",
        industry: "测试产业A",
        segments: "测试产业A-环节01",
        role: "研发机构",
        source: "测试来源A",
      })),
    };
  };

  it("links 电子科大 in a sheet to the university already in the graph, creating nothing for it", async () => {
    const map = await mapOf(small([{ name: "电子科大", kindCell: "高校" }]));
    const plan = await importer().plan(map, { importSet: SMALL, actor: editor.id });
    expect(plan.conflicts).toEqual([]);
    expect(plan.entities.map((c) => c.name).sort()).toEqual([
      "测试产业A",
      "测试产业A-环节01",
      "测试产业A-环节02",
    ]);
    const link = plan.relationships.find((c) => c.type === "IN_SEGMENT");
    const [uni] = await runCypher("MATCH (n:University {name: '电子科技大学'}) RETURN n.id AS id");
    expect(link?.source).toBe(uni?.get("id"));
  });

  it("reports an industry that is another kind once, on the first row naming it", async () => {
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 3,
      membersPerIndustry: 0,
    });
    const renamed = {
      ...tables,
      segments: tables.segments.map((row) => ({
        ...row,
        industry: "电子科技大学",
        supplies: "",
        parent_segment: "",
      })),
    };
    const plan = await importer().plan(await mapOf(renamed), {
      importSet: SMALL,
      actor: editor.id,
    });
    expect(plan.conflicts).toEqual([
      {
        sheet: "segments",
        row: 2,
        column: "industry",
        reason:
          '"电子科技大学" is University (高校) 电子科技大学 in the graph, not Industry (产业)',
      },
    ]);
  });

  it("refuses a name longer than resolve takes as a conflict of its row", async () => {
    const long = "测".repeat(201);
    const map = await mapOf(small([{ name: long, kindCell: "企业" }]));
    const plan = await importer().plan(map, { importSet: SMALL, actor: editor.id });
    expect(plan.conflicts).toEqual([
      { sheet: "members", row: 2, column: "name", reason: "a name is at most 200 characters" },
    ]);
  });

  it("refuses a name that is an entity of another kind, naming the row, and writes nothing", async () => {
    const before = await graphChecksum();
    const map = await mapOf(small([{ name: "电子科技大学", kindCell: "企业" }]));
    const result = await importer().apply(map, { importSet: SMALL, actor: editor.id });
    expect(result.applied).toBe(false);
    expect(result.conflicts).toEqual([
      {
        sheet: "members",
        row: 2,
        column: "name",
        reason:
          '"电子科技大学" is University (高校) 电子科技大学 in the graph, not Enterprise (企业 / 集团)',
      },
    ]);
    expect(await graphChecksum()).toBe(before);
  });
});

describe("the GraphQL mutation", () => {
  it("refuses a workbook with five kinds of bad rows, each named, and writes nothing", async () => {
    const { bytes, problems } = await badWorkbook();
    const before = await graphChecksum();
    const { data, codes } = await run(
      `mutation ($files: [ChainMapFileInput!]!) {
        importChainMap(files: $files, importSet: "fixture-bad", dryRun: false) {
          applied problems { sheet row column reason } conflicts { reason }
        } }`,
      { files: [{ name: "bad.xlsx", contentBase64: bytes.toString("base64") }] },
    );
    expect(codes).toEqual([]);
    const result = data?.importChainMap as { applied: boolean; problems: unknown[] };
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual(problems);
    expect(problems).toHaveLength(5);
    expect(await graphChecksum()).toBe(before);
  });

  it("is for editors: an anonymous caller is refused", async () => {
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 2,
      membersPerIndustry: 1,
    });
    const bytes = await workbookOf(tables);
    const { codes } = await run(
      `mutation ($files: [ChainMapFileInput!]!) { importChainMap(files: $files) { applied } }`,
      { files: [{ name: "x.xlsx", contentBase64: bytes.toString("base64") }] },
      { id: "anonymous", roles: [], anonymous: true },
    );
    expect(codes).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("npm run import (the command line)", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/import.ts", ...args], {
      cwd: path.resolve(__dirname, "../.."),
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "test" },
    });

  it("dry-runs a folder of CSV tables, printing the diff and writing nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chain-csv-"));
    const { tables } = fixtureData({
      industries: 1,
      segmentsPerIndustry: 3,
      membersPerIndustry: 4,
    });
    for (const [name, text] of Object.entries(csvOf(tables)))
      writeFileSync(path.join(dir, name), text);
    const before = await graphChecksum();
    const run = cli([dir, "--dry-run", "--as", "fixture-cli"]);
    expect(run.status).toBe(0);
    // 1 industry + 3 segments + 4 organisations + 3 districts (members 1-3; 4 has none).
    expect(run.stdout).toContain(
      "entities:      11 to create, 0 to update, 0 unchanged, 0 to remove",
    );
    expect(run.stdout).toContain("dry run: nothing written");
    expect(run.stdout).toMatch(/rows in [\d.]+ s: \d+ rows\/s/);
    expect(await graphChecksum()).toBe(before);
  });

  it("refuses a bad workbook with each bad row named, exit code 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chain-bad-"));
    const { bytes, problems } = await badWorkbook();
    writeFileSync(path.join(dir, "bad.xlsx"), bytes);
    const run = cli([path.join(dir, "bad.xlsx"), "--as", "fixture-cli"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`refused: bad rows, nothing written (${problems.length}):`);
    for (const problem of problems) expect(run.stdout).toContain(problem.reason);
  });
});
