import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createServices } from "../../src/services";
import { parseChainMap } from "../../src/services/chain-maps/parse";
import { workbookOf, type FixtureTables } from "../fixtures/chain-maps/build";
import { runCypher } from "../helpers/db";
import { runInProcess } from "../helpers/in-process";

// FIXTURE: a small chain map written for these tests (测试产业Q and its organisations are
// fictional; 电子科大 is the graph's university, linked by name), imported as fixture-views and
// removed after the file. Every expected answer below is worked out by hand from these rows.

const SET = "fixture-views";
const SOURCE = { source: "Q", page: "" };
const segment = (name: string, position: string, supplies: string) => ({
  industry: "测试产业Q",
  segment: name,
  position,
  supplies,
  ...SOURCE,
});
const member = (name: string, kind: string, role: string, segments: string, district = "") => ({
  name,
  kind,
  role,
  segments,
  district,
  industry: "测试产业Q",
  ...SOURCE,
  page: "7",
});

const TABLES: FixtureTables = {
  sources: [
    {
      key: "Q",
      title: "测试产业Q产业链图谱(测试数据)",
      issuer: "测试发布机构",
      date: "2026-03",
      url_or_file: "https://example.org/q.pdf",
    },
  ],
  segments: [
    segment("测试Q-材料", "上游", "测试Q-芯片"),
    segment("测试Q-芯片", "中游", "测试Q-整机"),
    segment("测试Q-整机", "下游", ""),
    segment("测试Q-检测服务", "配套服务", "测试Q-整机"),
  ],
  members: [
    member("测试Q企业甲", "企业", "链主", "测试Q-芯片;测试Q-整机", "测试Q区"),
    member("测试Q企业乙", "企业", "配套", "测试Q-材料"),
    member("测试Q研究院", "科研院所", "研发", "测试Q-芯片", "测试Q区"),
    member("测试Q基金", "基金", "基金", "测试Q-芯片"),
    member("测试Q政策", "政策", "政策", "测试Q-整机"),
    member("电子科大", "高校", "研发", "测试Q-材料"),
    member("测试Q园区", "创新载体", "载体", "测试Q-检测服务", "测试Q县"),
  ],
  links: [],
};

async function removeFixture(): Promise<void> {
  await runCypher(`MATCH ()-[r]->() WHERE r.importSet = $set DELETE r`, { set: SET });
  await runCypher(`MATCH (n:Entity) WHERE n.importSet = $set DETACH DELETE n`, { set: SET });
  await runCypher(`MATCH (f:NameForm) WHERE NOT (f)-[:NAMES]->() DELETE f`);
  await runCypher(`MATCH (i:ChainMapImport {importSet: $set}) DELETE i`, { set: SET });
}

beforeAll(async () => {
  await removeFixture();
  const parsed = await parseChainMap(await workbookOf(TABLES), "q.xlsx");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
  try {
    const services = createServices(db, { id: "test", roles: ["editor"], anonymous: false });
    const result = await services.chainMaps.apply(parsed.map, { importSet: SET, actor: "test" });
    expect(result.conflicts).toEqual([]);
  } finally {
    await db.close();
  }
});

afterAll(removeFixture);

type Named = { name: string };
const names = (list: readonly Named[]): string[] => list.map((entity) => entity.name);

describe("chainMap: the industry's chain, segment by segment, with its resources and gaps", () => {
  it("lists the segments upstream to service, each with its members and gaps", async () => {
    const { data } = await runInProcess(`{ chainMap(industry: "测试产业Q") {
      dataAvailable note industry { name }
      segments { segment { name } position suppliedBy { name } supplies { name } gaps
        members { entity { name kind } role roleZh stage districts { name } evidenceKind } }
      gaps { gap segments { name } }
      report { html xlsx csv } } }`);
    const view = data.chainMap as {
      dataAvailable: boolean;
      note: string | null;
      segments: {
        segment: Named;
        position: string;
        suppliedBy: Named[];
        supplies: Named[];
        gaps: string[];
        members: {
          entity: Named & { kind: string };
          role: string;
          roleZh: string;
          stage: string;
          districts: Named[];
          evidenceKind: string;
        }[];
      }[];
      gaps: { gap: string; segments: Named[] }[];
      report: { html: string };
    };
    expect(view.dataAvailable).toBe(true);
    expect(view.note).toBeNull();
    expect(
      view.segments.map((s) => [
        s.segment.name,
        s.position,
        names(s.suppliedBy),
        names(s.supplies),
        s.gaps,
      ]),
    ).toEqual([
      ["测试Q-材料", "upstream", [], ["测试Q-芯片"], ["NO_LOCAL_ENTERPRISE", "NO_SUPPORT"]],
      ["测试Q-芯片", "midstream", ["测试Q-材料"], ["测试Q-整机"], []],
      ["测试Q-整机", "downstream", ["测试Q-检测服务", "测试Q-芯片"], [], ["NO_RESEARCH"]],
      [
        "测试Q-检测服务",
        "service",
        [],
        ["测试Q-整机"],
        ["NO_LOCAL_ENTERPRISE", "NO_RESEARCH", "NO_SUPPORT"],
      ],
    ]);
    const chips = view.segments[1]?.members.map((m) => [
      m.entity.name,
      m.role,
      m.roleZh,
      m.stage,
      names(m.districts),
      m.evidenceKind,
    ]);
    expect(chips).toEqual([
      ["测试Q企业甲", "chain-leader", "链主企业", "enterprises", ["测试Q区"], "imported"],
      ["测试Q基金", "fund", "基金", "support", [], "imported"],
      ["测试Q研究院", "research", "研发机构", "research", ["测试Q区"], "imported"],
    ]);
    // 电子科大 in the sheet is the graph's 电子科技大学.
    expect(view.segments[0]?.members.map((m) => [m.entity.name, m.entity.kind])).toEqual([
      ["测试Q企业乙", "Enterprise"],
      ["电子科技大学", "University"],
    ]);
    expect(view.gaps.map((g) => [g.gap, names(g.segments)])).toEqual([
      ["NO_LOCAL_ENTERPRISE", ["测试Q-材料", "测试Q-检测服务"]],
      ["NO_RESEARCH", ["测试Q-整机", "测试Q-检测服务"]],
      ["NO_SUPPORT", ["测试Q-材料", "测试Q-检测服务"]],
    ]);
    expect(view.report.html).toMatch(/^\/report\/chain\/industry-[0-9a-f]{12}$/);
  });

  it("pages a segment's members with first, filters them by stage, and counts them", async () => {
    const { data } = await runInProcess(`{ chainMap(industry: "测试产业Q") { segments {
      segment { name } memberCount
      first: members(first: 1) { entity { name } }
      research: members(stage: research) { entity { name } } } } }`);
    const chips = (
      data.chainMap as {
        segments: {
          segment: Named;
          memberCount: number;
          first: { entity: Named }[];
          research: { entity: Named }[];
        }[];
      }
    ).segments.find((s) => s.segment.name === "测试Q-芯片");
    expect(chips?.memberCount).toBe(3);
    expect(chips?.first.map((m) => m.entity.name)).toEqual(["测试Q企业甲"]);
    expect(chips?.research.map((m) => m.entity.name)).toEqual(["测试Q研究院"]);
  });

  it("refuses a page size out of range", async () => {
    const db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
    try {
      const { graphql } = await import("graphql");
      const { createSchema } = await import("../../src/graphql/schema");
      const { createContext } = await import("../../src/graphql/context");
      const { createLogger } = await import("../../src/logger");
      const config = loadConfig({ ...process.env, NODE_ENV: "test" });
      const result = await graphql({
        schema: await createSchema(),
        source: `{ chainMap(industry: "测试产业Q") { segments { members(first: 0) { role } } } }`,
        contextValue: createContext(db, createLogger({ ...config, logLevel: "silent" }), "t"),
      });
      // The first segment's error nulls the whole answer (members is non-null), so it is the only one.
      expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
        ["BAD_USER_INPUT", "first must be between 1 and 5000 (got 0)"],
      ]);
      expect(result.data).toBeNull();
    } finally {
      await db.close();
    }
  });

  it("says so when no chain map is loaded for an industry, rather than an empty list alone", async () => {
    const { data } = await runInProcess(
      `{ chainMap(industry: "汽车") { dataAvailable note segments { position } gaps { gap } } }`,
    );
    expect(data.chainMap).toEqual({
      dataAvailable: false,
      note: "No chain map is loaded for 汽车: its segments, suppliers and gaps come from an imported chain map (npm run import, docs/chain-maps.md); the documents state none.",
      segments: [],
      gaps: [],
    });
  });
});

describe("supplyChain: upstream and downstream over segments, with their organisations", () => {
  const trace = async (args: string) => {
    const { data } = await runInProcess(`{ supplyChain(${args}) {
      dataAvailable start { name } steps { depth segment { segment { name } } members { entity { name } } } } }`);
    const result = data.supplyChain as {
      dataAvailable: boolean;
      steps: { depth: number; segment: { segment: Named }; members: { entity: Named }[] }[];
    };
    return result.steps.map((s) => [
      s.depth,
      s.segment.segment.name,
      s.members.map((m) => m.entity.name),
    ]);
  };

  it("walks upstream from a segment, nearest first", async () => {
    expect(await trace(`name: "测试Q-整机", direction: UPSTREAM, depth: 2`)).toEqual([
      [1, "测试Q-检测服务", ["测试Q园区"]],
      [1, "测试Q-芯片", ["测试Q企业甲", "测试Q基金", "测试Q研究院"]],
      [2, "测试Q-材料", ["测试Q企业乙", "电子科技大学"]],
    ]);
  });

  it("answers who supplies a segment in one district", async () => {
    expect(
      await trace(`name: "测试Q-整机", direction: UPSTREAM, depth: 2, district: "测试Q区"`),
    ).toEqual([
      [1, "测试Q-检测服务", []],
      [1, "测试Q-芯片", ["测试Q企业甲", "测试Q研究院"]],
      [2, "测试Q-材料", []],
    ]);
  });

  it("walks downstream, and from an industry starts at its chain's end", async () => {
    expect(await trace(`name: "测试Q-材料", direction: DOWNSTREAM, depth: 5`)).toEqual([
      [1, "测试Q-芯片", ["测试Q企业甲", "测试Q基金", "测试Q研究院"]],
      [2, "测试Q-整机", ["测试Q企业甲", "测试Q政策"]],
    ]);
    const fromIndustry = await trace(`name: "测试产业Q", direction: UPSTREAM, depth: 2`);
    expect(fromIndustry.map(([depth, name]) => [depth, name])).toEqual([
      [1, "测试Q-整机"],
      [2, "测试Q-检测服务"],
      [2, "测试Q-芯片"],
    ]);
  });

  it("says there is no chain map for an industry without one", async () => {
    const { data } = await runInProcess(
      `{ supplyChain(name: "汽车", direction: UPSTREAM) { dataAvailable note steps { depth } } }`,
    );
    expect(data.supplyChain).toMatchObject({ dataAvailable: false, steps: [] });
  });
});

describe("the older upstream and downstream", () => {
  it("are deprecated for supplyChain, which says when no chain map is loaded", async () => {
    const { data } = await runInProcess(`{ __type(name: "Query") {
      fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    const fields = (
      data.__type as {
        fields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[];
      }
    ).fields.filter((f) => f.name === "upstream" || f.name === "downstream");
    expect(
      fields.map((f) => [
        f.name,
        f.isDeprecated,
        f.deprecationReason?.startsWith("Use supplyChain"),
      ]),
    ).toEqual([
      ["upstream", true, true],
      ["downstream", true, true],
    ]);
  });
});

describe("chainDistricts: districts compared on the chain", () => {
  it("counts each district's members by stage and by segment", async () => {
    const { data } = await runInProcess(`{ chainDistricts(industry: "测试产业Q") { dataAvailable
      districts { district { name } total byStage { stage count } bySegment { segment { name } count } } } }`);
    const rows = (
      data.chainDistricts as {
        districts: {
          district: Named | null;
          total: number;
          byStage: { stage: string; count: number }[];
          bySegment: { segment: Named; count: number }[];
        }[];
      }
    ).districts.map((row) => [
      row.district?.name ?? null,
      row.total,
      row.byStage.map((s) => s.count),
      row.bySegment.map((s) => [s.segment.name, s.count]),
    ]);
    expect(rows).toEqual([
      [
        "测试Q区",
        2,
        [1, 1, 0, 0],
        [
          ["测试Q-芯片", 2],
          ["测试Q-整机", 1],
        ],
      ],
      ["测试Q县", 1, [0, 0, 1, 0], [["测试Q-检测服务", 1]]],
      [
        null,
        4,
        [1, 1, 0, 2],
        [
          ["测试Q-材料", 2],
          ["测试Q-芯片", 1],
          ["测试Q-整机", 1],
        ],
      ],
    ]);
  });
});

describe("every read path shows an imported fact's source", () => {
  it("on the entity and on each of its links", async () => {
    const { data } = await runInProcess(`{ entity(name: "测试Q企业甲") {
      citations { title issuer date location page importSet sheet }
      ... on Enterprise { segments { node { name } evidenceKind citation { title page importSet } properties { key value } } }
      relations(types: [LOCATED_IN]) { evidenceKind citation { sheet } } } }`);
    const entity = data.entity as Record<string, unknown>;
    expect(entity.citations).toEqual([
      {
        title: "测试产业Q产业链图谱(测试数据)",
        issuer: "测试发布机构",
        date: "2026-03",
        location: "https://example.org/q.pdf",
        page: "7",
        importSet: SET,
        sheet: "members",
      },
    ]);
    expect(entity.segments).toEqual(
      ["测试Q-整机", "测试Q-芯片"].map((name) => ({
        node: { name },
        evidenceKind: "imported",
        citation: { title: "测试产业Q产业链图谱(测试数据)", page: "7", importSet: SET },
        properties: [{ key: "role", value: "chain-leader" }],
      })),
    );
    expect(entity.relations).toEqual([
      { evidenceKind: "imported", citation: { sheet: "members" } },
    ]);
  });

  it("on the edges of a view, of a path and of edge(id)", async () => {
    const citation = (page: string | null, sheet: string) => ({
      title: "测试产业Q产业链图谱(测试数据)",
      page,
      importSet: SET,
      sheet,
    });
    const ids = await runInProcess(
      `{ a: entity(name: "测试Q企业甲") { id } b: entity(name: "测试Q区") { id } }`,
    );
    const from = (ids.data.a as { id: string }).id;
    const to = (ids.data.b as { id: string }).id;
    const { data } = await runInProcess(
      `query($from: ID!, $to: ID!) {
        neighborhood(id: $from, depth: 1) { edges { id type source evidenceKind citation { title page importSet sheet } } }
        paths(fromId: $from, toId: $to, maxHops: 1) { hops { type citation { title page importSet sheet } } } }`,
      { from, to },
    );
    type Edge = {
      id: string;
      type: string;
      source: string;
      evidenceKind: string;
      citation: unknown;
    };
    const edges = (data.neighborhood as { edges: Edge[] }).edges.filter((e) => e.source === from);
    expect(
      edges
        .sort((x, y) => x.type.localeCompare(y.type))
        .map((e) => [e.type, e.evidenceKind, { ...(e.citation as object) }]),
    ).toEqual([
      ["IN_SEGMENT", "imported", citation("7", "members")],
      ["IN_SEGMENT", "imported", citation("7", "members")],
      ["LOCATED_IN", "imported", citation("7", "members")],
    ]);
    expect(data.paths).toEqual([
      { hops: [{ type: "LOCATED_IN", citation: citation("7", "members") }] },
    ]);
    const inSegment = edges.find((e) => e.type === "IN_SEGMENT")!;
    const one = await runInProcess(
      `query($id: ID!) { edge(id: $id) { evidenceKind evidence { quote } citation { title page importSet sheet } } }`,
      { id: inSegment.id },
    );
    expect(one.data.edge).toEqual({
      evidenceKind: "imported",
      evidence: [],
      citation: citation("7", "members"),
    });
  });

  it("and a document's entity has no citations: its evidence is its passages", async () => {
    const { data } = await runInProcess(`{ entity(name: "电子科技大学") { citations { title } } }`);
    expect(data.entity).toEqual({ citations: [] });
  });
});
