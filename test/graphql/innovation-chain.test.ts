import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteEntitiesWithPrefix, runCypher } from "../helpers/db";
import { serveForFile, type Data } from "../helpers/server";

/**
 * innovationChain (围绕产业链部署创新链) against the seed graph of document 000_257febe6d92f7e6f:
 * every member set below is derived by hand from the seeds (seeds/relationships/*.json) and the
 * document, with the sentence that puts each member there.
 */
const api = serveForFile();
const ok = api.ok;

const CHAIN = `query ($id: ID!) { innovationChain(industryId: $id) { stages { key empty truncated items {
  entity { id name kind } roles inferred reason isClass
  via { id type evidenceKind }
  members { role inferred reason isClass entity { id name kind } edge { id type evidenceKind evidence { quote } }
    members { role entity { name } edge { type evidenceKind evidence { quote } } } } } } } }`;

type StageKey = "ROADMAPS" | "PROJECTS" | "INSTITUTIONS" | "CARRIERS" | "SUPPORT";
const STAGE_KEYS: readonly StageKey[] = [
  "ROADMAPS",
  "PROJECTS",
  "INSTITUTIONS",
  "CARRIERS",
  "SUPPORT",
];

const INDUSTRY_IDS = [
  "category-strategic-emerging",
  "category-traditional-advantage",
  "category-modern-services",
  "category-urban-modern-agriculture",
  "industry-mobile-internet",
  "industry-new-energy",
  "industry-edible-fungi",
  "industry-cybersecurity",
  "industry-biomedicine",
  "industry-ip-services",
  "industry-energy-conservation",
  "industry-new-materials",
  "industry-energy-equipment",
  "industry-automobile",
  "industry-rail-transit",
  "category-high-end-growth-industries",
  "industry-culture-tech-creative",
  "industry-sichuan-cuisine",
  "industry-organic-agri-products",
];

async function chainOf(id: string): Promise<Record<StageKey, Data>> {
  const data = await ok(CHAIN, { id });
  return Object.fromEntries(
    (data.innovationChain.stages as Data[]).map((stage) => [stage.key, stage]),
  ) as Record<StageKey, Data>;
}

/** A stage as [name, inferred] per item, in the answer's order (by name). */
const itemsOf = (stage: Data): [string, boolean][] =>
  (stage.items as Data[]).map((item) => [item.entity.name, item.inferred]);

/** An item's members as [role, name, isClass, inferred]. */
const membersOf = (item: Data): [string, string, boolean, boolean][] =>
  (item.members as Data[]).map((m) => [m.role, m.entity.name, m.isClass, m.inferred]);

const itemNamed = (stage: Data, name: string): Data => {
  const item = (stage.items as Data[]).find((found) => found.entity.name === name);
  expect(item, `${name} in ${stage.key}`).toBeDefined();
  return item!;
};

const byName = (list: [string, boolean][]): [string, boolean][] =>
  [...list].sort((a, b) => a[0].localeCompare(b[0]));

/**
 * The stages of several industries, item by item as [name, inferred]: inferred when every path
 * that ties the item to the industry has a link the seeds label inferred.
 */
const EXPECTED: Record<string, Record<StageKey, [string, boolean][]>> = {
  "industry-cybersecurity": {
    // The document names roadmaps for 移动互联网、汽车、新能源、食用菌 only.
    ROADMAPS: [],
    PROJECTS: [
      // 在网络信息安全、轨道交通、生物医药等领域实施10个产业集群协同重大项目 (explicit).
      ["产业集群协同创新重大项目", false],
      // 中国电子科技集团国家网络空间安全产业化基地: its field is inferred from its name.
      ["国家网络空间安全产业化基地", true],
    ],
    // The base's owner (BELONGS_TO, explicit in the base's full name), reached through the
    // inferred link of the base to the industry.
    INSTITUTIONS: [["中国电子科技集团", true]],
    CARRIERS: [],
    SUPPORT: [
      // 实施产学研协同创新重大项目 DELIVERS the cluster projects (遴选并实施产业集群协同创新重大项目).
      ["实施产学研协同创新重大项目", false],
      // Its list item SUPPORTS them (鼓励高校院所参与由我市行业龙头企业牵头的产业集群协同创新重大项目).
      ["引导高校院所共同参与产业集群协同创新项目", false],
      // The task that brings in the 产业化项目 DELIVERS the base (目前,正加快推进中国电子科技集团…).
      ["推进实施一批重大科技成果产业化项目", true],
      // 建立重大科技成果产业化项目定期会商机制,重点支持和推进国家网络空间安全产业化基地.
      ["重大科技成果产业化项目定期会商机制", true],
    ],
  },
  "industry-rail-transit": {
    ROADMAPS: [],
    PROJECTS: [["产业集群协同创新重大项目", false]],
    // 黄新初在西南交通大学调研轨道产业: the visit FOCUSES_ON 轨道交通 and is LOCATED_IN the university.
    INSTITUTIONS: [["西南交通大学", false]],
    // 金牛区中铁轨道交通高科技产业园: its field is inferred from its name.
    CARRIERS: [["中铁轨道交通高科技产业园", true]],
    SUPPORT: [
      ["实施产学研协同创新重大项目", false],
      ["引导高校院所共同参与产业集群协同创新项目", false],
      // 打造协同创新试点示范区 DELIVERS the park (以金牛区中铁轨道交通高科技产业园…为重点).
      ["打造协同创新试点示范区", true],
    ],
  },
  "industry-biomedicine": {
    ROADMAPS: [],
    PROJECTS: [["产业集群协同创新重大项目", false]],
    INSTITUTIONS: [],
    CARRIERS: [],
    SUPPORT: [
      ["实施产学研协同创新重大项目", false],
      ["引导高校院所共同参与产业集群协同创新项目", false],
    ],
  },
  "industry-energy-conservation": {
    ROADMAPS: [],
    PROJECTS: [],
    INSTITUTIONS: [
      // 锦江区与北京大学共建节能环保产业研究院: 北京大学 CO_BUILT the institute (explicit), whose
      // field is inferred from its name.
      ["北京大学", true],
      ["节能环保产业研究院", true],
    ],
    CARRIERS: [],
    SUPPORT: [],
  },
  "industry-energy-equipment": {
    ROADMAPS: [],
    PROJECTS: [],
    // 新都区西南石油大学能源装备产业基地: the base's university, inferred from its name.
    INSTITUTIONS: [["西南石油大学", true]],
    CARRIERS: [["西南石油大学能源装备产业基地", true]],
    SUPPORT: [["打造协同创新试点示范区", true]],
  },
  "industry-automobile": {
    // 开展移动互联网、汽车、新能源、食用菌等重点产业技术路线图研究.
    ROADMAPS: [["汽车产业技术路线图", false]],
    // The cluster projects' stated fields do not include 汽车.
    PROJECTS: [],
    INSTITUTIONS: [],
    // 经开区建设汽车产业“智造城” (explicit).
    CARRIERS: [["汽车产业“智造城”", false]],
    SUPPORT: [
      ["开展产业技术路线图研制", false],
      ["打造协同创新试点示范区", false],
    ],
  },
  "industry-mobile-internet": {
    ROADMAPS: [["移动互联网产业技术路线图", false]],
    PROJECTS: [],
    INSTITUTIONS: [],
    CARRIERS: [],
    SUPPORT: [["开展产业技术路线图研制", false]],
  },
  "industry-ip-services": {
    ROADMAPS: [],
    PROJECTS: [],
    INSTITUTIONS: [],
    CARRIERS: [],
    // 积极推进国家专利审查协作四川中心建设,带动成都知识产权服务业加快发展.
    SUPPORT: [["国家专利审查协作四川中心", false]],
  },
  "category-strategic-emerging": {
    ROADMAPS: [],
    PROJECTS: [],
    INSTITUTIONS: [],
    CARRIERS: [],
    // 围绕成都战略性新兴产业、传统优势产业、现代服务业和都市现代农业 (positional, not inferred).
    SUPPORT: [["开展产业技术路线图研制", false]],
  },
};

describe("innovationChain, stage by stage", () => {
  it.each(Object.keys(EXPECTED))("lists exactly the members the seeds give %s", async (id) => {
    const stages = await chainOf(id);
    for (const key of STAGE_KEYS) {
      expect(byName(itemsOf(stages[key])), `${id} ${key}`).toEqual(byName(EXPECTED[id]![key]));
      expect(stages[key].empty).toBe(EXPECTED[id]![key].length === 0);
      expect(stages[key].truncated).toBe(false);
    }
  });

  it("gives projects, carriers and institutes their members, classes of actors labelled as such", async () => {
    const cyber = await chainOf("industry-cybersecurity");
    // 由行业龙头企业牵头,高校院所、产业联盟和产业链上下游企业参与: four classes, no named company.
    expect(membersOf(itemNamed(cyber.PROJECTS, "产业集群协同创新重大项目"))).toEqual([
      ["lead", "行业龙头企业", true, false],
      ["participant", "产业联盟", true, false],
      ["participant", "产业链上下游企业", true, false],
      ["participant", "高校院所", true, false],
    ]);
    expect(membersOf(itemNamed(cyber.PROJECTS, "国家网络空间安全产业化基地"))).toEqual([
      ["owner", "中国电子科技集团", false, false],
    ]);

    const rail = await chainOf("industry-rail-transit");
    expect(membersOf(itemNamed(rail.CARRIERS, "中铁轨道交通高科技产业园"))).toEqual([
      ["district", "金牛区", false, false],
    ]);

    const equipment = await chainOf("industry-energy-equipment");
    expect(membersOf(itemNamed(equipment.CARRIERS, "西南石油大学能源装备产业基地"))).toEqual([
      ["district", "新都区", false, false],
      ["university", "西南石油大学", false, true],
    ]);

    const auto = await chainOf("industry-automobile");
    expect(membersOf(itemNamed(auto.CARRIERS, "汽车产业“智造城”"))).toEqual([
      ["district", "成都经济技术开发区", false, false],
    ]);
  });

  it("names a research institute's district and university", async () => {
    const stages = await chainOf("industry-energy-conservation");
    const institute = itemNamed(stages.INSTITUTIONS, "节能环保产业研究院");
    expect(membersOf(institute)).toEqual([
      ["district", "锦江区", false, false],
      ["university", "北京大学", false, false],
    ]);
    for (const member of institute.members as Data[]) {
      expect(member.edge.type).toBe("CO_BUILT");
      expect(member.edge.evidence.map((e: Data) => e.quote)).toEqual([
        "锦江区与北京大学共建节能环保产业研究院",
      ]);
    }
  });

  it("reaches 国家网络空间安全产业化基地 in the 网络信息安全 chain, with its evidence", async () => {
    const data = await ok(`{ innovationChain(industry: "网络信息安全") { stages { key items {
      entity { id } via { type evidenceKind confidence evidence { quote start } } } } } }`);
    const projects = (data.innovationChain.stages as Data[]).find((s) => s.key === "PROJECTS")!;
    const base = (projects.items as Data[]).find((i) => i.entity.id === "cyberspace-security-base");
    expect(base?.via).toEqual([
      {
        type: "FOCUSES_ON",
        evidenceKind: "inferred",
        confidence: 0.8,
        evidence: [{ quote: "中国电子科技集团国家网络空间安全产业化基地", start: 2301 }],
      },
    ]);
  });
});

describe("innovationChain, inferred members", () => {
  it("labels an inferred item with the link, quote and rule that inferred it", async () => {
    const stages = await chainOf("industry-cybersecurity");
    const base = itemNamed(stages.PROJECTS, "国家网络空间安全产业化基地");
    const relation = await ok(`{ entity(id: "cyberspace-security-base") {
      relations(types: [FOCUSES_ON]) { target evidenceKind note } } }`);
    const focus = (relation.entity.relations as Data[])[0]!;
    expect(focus).toMatchObject({ target: "industry-cybersecurity", evidenceKind: "inferred" });
    expect(base.reason).toBe(
      "国家网络空间安全产业化基地 FOCUSES_ON 网络信息安全 is inferred (confidence 0.8) from " +
        `“中国电子科技集团国家网络空间安全产业化基地”: ${focus.note}`,
    );
    // What hangs off an inferred item is inferred with it, for the same reason.
    expect(itemNamed(stages.INSTITUTIONS, "中国电子科技集团").reason).toBe(base.reason);
    // A stated link is no inference.
    const cluster = itemNamed(stages.PROJECTS, "产业集群协同创新重大项目");
    expect(cluster).toMatchObject({ inferred: false, reason: null });
  });

  it("gives every inferred link of the item's path, and labels an inferred member on its own edge", async () => {
    const stages = await chainOf("industry-energy-equipment");
    const university = itemNamed(stages.INSTITUTIONS, "西南石油大学");
    expect(university.reason).toBe(
      "西南石油大学能源装备产业基地 AFFILIATED_WITH 西南石油大学 is inferred (confidence 0.85) from " +
        "“新都区西南石油大学能源装备产业基地”: Inferred from the base's name, which prefixes 西南石油大学. " +
        "西南石油大学能源装备产业基地 FOCUSES_ON 能源装备 is inferred (confidence 0.85) from " +
        "“西南石油大学能源装备产业基地”: Inferred from the base's name (能源装备产业基地).",
    );
    const base = itemNamed(stages.CARRIERS, "西南石油大学能源装备产业基地");
    const [district, member] = base.members as Data[];
    expect(district).toMatchObject({ inferred: false, reason: null });
    expect(member).toMatchObject({
      role: "university",
      inferred: true,
      reason:
        "西南石油大学能源装备产业基地 AFFILIATED_WITH 西南石油大学 is inferred (confidence 0.85) from " +
        "“新都区西南石油大学能源装备产业基地”: Inferred from the base's name, which prefixes 西南石油大学.",
    });
  });

  it("labels inferred exactly what rests on an inferred link, in every industry, with a reason", async () => {
    for (const id of INDUSTRY_IDS) {
      const stages = await chainOf(id);
      for (const key of STAGE_KEYS) {
        for (const item of stages[key].items as Data[]) {
          const rests = (item.via as Data[]).some((edge) => edge.evidenceKind === "inferred");
          // Every item here is reached by one path, so inferred means a link of via is.
          expect(item.inferred, `${id} ${item.entity.name}`).toBe(rests);
          expect(item.reason === null, `${id} ${item.entity.name}`).toBe(!item.inferred);
          for (const member of item.members as Data[]) {
            expect(member.inferred).toBe(member.edge.evidenceKind === "inferred");
            expect(member.reason === null).toBe(!member.inferred);
          }
        }
      }
    }
  });
});

describe("innovationChain, named organisations and classes of actors", () => {
  it("labels every class of actors as a class and never lists one as an institution", async () => {
    const named = new Set<string>();
    const classes = new Set<string>();
    const clusterIn: string[] = [];
    for (const id of INDUSTRY_IDS) {
      const stages = await chainOf(id);
      for (const key of STAGE_KEYS) {
        for (const item of stages[key].items as Data[]) {
          expect(item.isClass).toBe(item.entity.kind === "CollectiveActor");
          if (key === "INSTITUTIONS") {
            expect(item.entity.kind).not.toBe("CollectiveActor");
            named.add(item.entity.name);
          }
          if (item.entity.id === "industrial-cluster-projects") clusterIn.push(id);
          for (const member of item.members as Data[]) {
            expect(member.isClass).toBe(member.entity.kind === "CollectiveActor");
            if (member.isClass) classes.add(`${member.role} ${member.entity.name}`);
          }
        }
      }
    }
    // The cluster projects stand in only for the fields the document names for them, each by
    // an explicit link (在网络信息安全、轨道交通、生物医药等领域…).
    expect(clusterIn.sort()).toEqual(
      ["industry-biomedicine", "industry-cybersecurity", "industry-rail-transit"].sort(),
    );
    expect([...classes].sort()).toEqual(
      [
        "lead 行业龙头企业",
        "participant 产业联盟",
        "participant 产业链上下游企业",
        "participant 高校院所",
      ].sort(),
    );
    // Every named university, institute and enterprise the graph ties to an industry's chain.
    expect([...named].sort()).toEqual(
      ["中国电子科技集团", "北京大学", "节能环保产业研究院", "西南交通大学", "西南石油大学"].sort(),
    );
  });

  it("lists no fund or policy in the seed graph's chains: the document ties none to an industry or its items", async () => {
    // The two funds (科技创业天使投资引导资金, 科技企业债权融资风险补偿资金池) are part of the 金融支持平台
    // and fund 科技企业; the policies belong to the “1+2+N” system, 六大工程 and 企业研发投入: no
    // sentence ties any of them to an industry, a roadmap, a project, a carrier or an institute.
    for (const id of INDUSTRY_IDS) {
      const stages = await chainOf(id);
      const kinds = (stages.SUPPORT.items as Data[]).map((item) => item.entity.kind);
      expect(
        kinds.filter((kind) => kind === "Fund" || kind === "Policy"),
        id,
      ).toEqual([]);
    }
  });
});

/**
 * Funds, policies and institutes where the graph links them: a small chain written next to the
 * seed graph (ids fixture-chain-*) and removed afterwards, since the document links no fund or
 * policy to any industry's chain.
 */
describe("innovationChain, funds, policies and institute members where linked", () => {
  const P = "fixture-chain-";
  const NODES: [string, string][] = [
    ["industry", "Industry"],
    ["roadmap", "TechnologyRoadmap"],
    ["project", "Project"],
    ["platform", "Platform"],
    ["fund", "Fund"],
    ["policy-support", "Policy"],
    ["body", "GovernmentBody"],
    ["task", "Program"],
    ["policy-implemented", "Policy"],
    ["policy-direct", "Policy"],
    ["policy-part", "Policy"],
    ["institute", "ResearchInstitute"],
    ["district", "District"],
    ["university", "University"],
  ];
  // [source, type, target, evidenceKind]
  const EDGES: [string, string, string, string][] = [
    ["roadmap", "ROADMAP_FOR", "industry", "explicit"],
    // Inferred, but the project is also reached through its roadmap, stated: not inferred.
    ["project", "FOCUSES_ON", "industry", "inferred"],
    ["project", "RELIES_ON", "roadmap", "explicit"],
    ["project", "RELIES_ON", "platform", "explicit"],
    ["fund", "PART_OF", "platform", "explicit"],
    ["policy-support", "SUPPORTS", "project", "explicit"],
    ["policy-support", "ISSUED_BY", "body", "explicit"],
    ["task", "DELIVERS", "project", "positional"],
    ["task", "IMPLEMENTS", "policy-implemented", "positional"],
    ["policy-direct", "SUPPORTS", "industry", "explicit"],
    ["policy-part", "PART_OF", "policy-direct", "explicit"],
    ["project", "BELONGS_TO", "institute", "explicit"],
    ["district", "CO_BUILT", "institute", "explicit"],
    ["institute", "AFFILIATED_WITH", "university", "inferred"],
  ];

  beforeAll(async () => {
    await deleteEntitiesWithPrefix(P);
    await runCypher(
      `UNWIND $nodes AS node
       CREATE (n:Entity {id: $p + node[0], kind: node[1], name: $p + node[0], aliases: [],
         aliasText: '', nameInferred: false})
       SET n:$(node[1])`,
      { nodes: NODES, p: P },
    );
    await runCypher(
      `UNWIND $edges AS edge
       MATCH (a:Entity {id: $p + edge[0]}), (b:Entity {id: $p + edge[2]})
       CREATE (a)-[r:$(edge[1])]->(b)
       SET r += {id: a.id + '|' + edge[1] + '|' + b.id, evidence: [], quotes: ['fixture quote'],
         evidenceKind: edge[3], confidence: CASE edge[3] WHEN 'inferred' THEN 0.5 ELSE 1.0 END,
         note: CASE edge[3] WHEN 'inferred' THEN 'Fixture rule.' END,
         outKey: a.id + '\u0001' + b.name + '\u0001' + b.id,
         inKey: b.id + '\u0001' + a.name + '\u0001' + a.id}`,
      { edges: EDGES, p: P },
    );
  });

  afterAll(async () => {
    await deleteEntitiesWithPrefix(P);
  });

  it("puts the funds and policies tied to the industry or its items in the support stage", async () => {
    const stages = await chainOf(`${P}industry`);
    const support = (stages.SUPPORT.items as Data[]).map((item) => [
      item.entity.name.slice(P.length),
      item.roles,
      item.inferred,
    ]);
    expect(support).toEqual([
      // Part of the platform the project relies on.
      ["fund", ["fund"], false],
      ["platform", ["platform"], false],
      // Supports the industry itself.
      ["policy-direct", ["supporter"], false],
      // Implemented by the task that delivers the project.
      ["policy-implemented", ["policy"], false],
      // Part of the policy that supports the industry.
      ["policy-part", ["policy"], false],
      // Supports the project.
      ["policy-support", ["supporter"], false],
      ["task", ["task"], false],
    ]);
    // A policy's issuer is its member, not an item of its own.
    const policy = itemNamed(stages.SUPPORT, `${P}policy-support`);
    expect(membersOf(policy)).toEqual([["issuer", `${P}body`, false, false]]);
  });

  it("counts an item stated when one of its paths is stated, and brings an institute member's district and university", async () => {
    const stages = await chainOf(`${P}industry`);
    const project = itemNamed(stages.PROJECTS, `${P}project`);
    expect(project).toMatchObject({ inferred: false, reason: null });
    expect((project.via as Data[]).map((edge) => edge.evidenceKind).sort()).toEqual([
      "explicit",
      "explicit",
      "inferred",
    ]);
    const owner = (project.members as Data[])[0]!;
    expect(owner).toMatchObject({ role: "owner", entity: { name: `${P}institute` } });
    expect(
      (owner.members as Data[]).map((m) => [
        m.role,
        m.entity.name,
        m.edge.type,
        m.edge.evidenceKind,
      ]),
    ).toEqual([
      ["district", `${P}district`, "CO_BUILT", "explicit"],
      ["university", `${P}university`, "AFFILIATED_WITH", "inferred"],
    ]);
    expect(byName(itemsOf(stages.INSTITUTIONS))).toEqual([
      [`${P}institute`, false],
      // Reached through the institute's inferred affiliation only.
      [`${P}university`, true],
    ]);
    expect(itemNamed(stages.INSTITUTIONS, `${P}university`).reason).toBe(
      `${P}institute AFFILIATED_WITH ${P}university is inferred (confidence 0.5) from “fixture quote”: Fixture rule.`,
    );
  });
});
