/**
 * The closed vocabulary of the knowledge graph: entity kinds and relationship types, each
 * relationship type with the kinds it may connect. Seed validation, seeding, the GraphQL schema and
 * curation mutations all read this one module, so a kind or type exists everywhere or nowhere.
 */

export const ENTITY_KINDS = [
  "University",
  "ResearchInstitute",
  "Enterprise",
  "GovernmentBody",
  "District",
  "Region",
  "Industry",
  "TechnologyRoadmap",
  "Project",
  "Carrier",
  "Platform",
  "Fund",
  "Policy",
  "Program",
  "Mechanism",
  "Person",
  "Event",
  "CollectiveActor",
  "ChainSegment",
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface KindSpec {
  readonly kind: EntityKind;
  readonly en: string;
  readonly zh: string;
  readonly description: string;
}

export const KIND_SPECS: Readonly<Record<EntityKind, KindSpec>> = {
  University: {
    kind: "University",
    en: "University",
    zh: "高校",
    description:
      "A university or college (高校); its labs and R&D platforms are Platforms that BELONG_TO it.",
  },
  ResearchInstitute: {
    kind: "ResearchInstitute",
    en: "Research institute",
    zh: "科研院所 / 研究院",
    description:
      "A research institute: central institutes in Chengdu (中央在蓉科研院所) and new-type co-built institutes (新型研究院).",
  },
  Enterprise: {
    kind: "Enterprise",
    en: "Enterprise",
    zh: "企业 / 集团",
    description: "A named company or enterprise group (企业集团).",
  },
  GovernmentBody: {
    kind: "GovernmentBody",
    en: "Government body",
    zh: "政府机构 / 党委",
    description: "A government, Party committee, bureau or department (市委, 市科技局, 省教育厅).",
  },
  District: {
    kind: "District",
    en: "District, county or functional zone",
    zh: "区县 / 功能区",
    description: "A district, county or functional zone of Chengdu (双流县, 金牛区, 高新区).",
  },
  Region: {
    kind: "Region",
    en: "Region",
    zh: "地区 / 层级",
    description:
      "A city, province or development tier (成都, 四川, 中心城区, 近郊区县, 远郊区县, 团队级产业基地 as written).",
  },
  Industry: {
    kind: "Industry",
    en: "Industry",
    zh: "产业",
    description: "An industry or an industry category (汽车, 战略性新兴产业).",
  },
  TechnologyRoadmap: {
    kind: "TechnologyRoadmap",
    en: "Technology roadmap",
    zh: "产业技术路线图",
    description: "An industrial technology roadmap researched for a key industry.",
  },
  Project: {
    kind: "Project",
    en: "Project or base",
    zh: "项目 / 基地",
    description:
      "A collaborative project, an industrialization project or base (产业集群协同创新重大项目, 产业化基地).",
  },
  Carrier: {
    kind: "Carrier",
    en: "Innovation carrier",
    zh: "创新载体",
    description:
      "A place or facility that hosts innovation: incubators, university science parks, industrial parks and bases, demonstration zones, knowledge-economy circles, the science city.",
  },
  Platform: {
    kind: "Platform",
    en: "Platform",
    zh: "平台",
    description: "A service, exchange or R&D platform (科创通, 科技中介平台).",
  },
  Fund: {
    kind: "Fund",
    en: "Fund",
    zh: "资金 / 基金",
    description: "A fund or capital pool (天使投资引导资金, 风险补偿资金池).",
  },
  Policy: {
    kind: "Policy",
    en: "Policy",
    zh: "政策",
    description: "A policy document or policy system (“1+2+N”科技政策支撑体系 and its parts).",
  },
  Program: {
    kind: "Program",
    en: "Program, measure or task",
    zh: "工程 / 措施 / 任务",
    description:
      "A program, measure, numbered list item or sub-task (六大科技创新工程, 市科技局五项措施 and each measure, the second list 一是启动创业行动计划…).",
  },
  Mechanism: {
    kind: "Mechanism",
    en: "Mechanism",
    zh: "机制",
    description: "An institutional mechanism (座谈会机制, 风险分担机制).",
  },
  Person: {
    kind: "Person",
    en: "Person",
    zh: "人物",
    description: "A named person, with the positions the text gives.",
  },
  Event: {
    kind: "Event",
    en: "Event",
    zh: "会议 / 活动",
    description: "A meeting, congress or visit (经济工作会议, 全局干部大会, 调研).",
  },
  CollectiveActor: {
    kind: "CollectiveActor",
    en: "Collective actor",
    zh: "群体主体",
    description:
      "A class of actors the text gives a role or a stated total without naming all members (行业龙头企业, 产业联盟, 高校院所, 创投机构, 面向市场和产业发展的新型研究院).",
  },
  ChainSegment: {
    kind: "ChainSegment",
    en: "Industrial chain segment",
    zh: "产业链环节",
    description:
      "A segment of an industry's chain from an imported chain map (上游/中游/下游/配套服务), e.g. 芯片设计 in 集成电路; the document itself names none.",
  },
};

export interface RelationSpec {
  readonly type: string;
  readonly en: string;
  readonly zh: string;
  readonly description: string;
  readonly from: readonly EntityKind[];
  readonly to: readonly EntityKind[];
}

/** Relationship types; the curator of seeds/ extends this list as the text demands. */
export const RELATION_SPECS: readonly RelationSpec[] = [
  {
    type: "CO_BUILT",
    en: "co-built",
    zh: "共建",
    description:
      "A builder co-built or co-builds an institute, carrier, platform or mechanism with partners, e.g. 双流县 co-built 电子科大成都研究院; 锦江区 and 北京大学 co-built 节能环保产业研究院.",
    from: ["University", "GovernmentBody", "District", "CollectiveActor"],
    to: ["ResearchInstitute", "Carrier", "Platform", "Mechanism", "CollectiveActor"],
  },
  {
    type: "AFFILIATED_WITH",
    en: "affiliated with",
    zh: "隶属 / 依托高校",
    description:
      "An institute or carrier is affiliated with a university, usually inferred from its name, e.g. 电子科大成都研究院 -> 电子科技大学.",
    from: ["ResearchInstitute", "Carrier"],
    to: ["University"],
  },
  {
    type: "BELONGS_TO",
    en: "belongs to",
    zh: "属于",
    description:
      "A base, lab or platform is owned by an enterprise group, academy or university, e.g. 国家网络空间安全产业化基地 -> 中国电子科技集团.",
    from: ["Project", "Platform"],
    to: ["University", "ResearchInstitute", "Enterprise"],
  },
  {
    type: "LOCATED_IN",
    en: "located in",
    zh: "位于",
    description:
      "A carrier or event is located in a district, county or university, e.g. 中铁轨道交通高科技产业园 -> 金牛区.",
    from: [
      "Carrier",
      "Event",
      "Enterprise",
      "University",
      "ResearchInstitute",
      "Platform",
      "Project",
      "Fund",
    ],
    to: ["University", "District"],
  },
  {
    type: "DEVELOPS",
    en: "develops",
    zh: "建设 / 创建",
    description:
      "A district or functional zone builds or strives to create a carrier, e.g. 天府新区 builds 成都科技城; 高新区 strives to create 国家自主创新示范区.",
    from: ["District"],
    to: ["Carrier"],
  },
  {
    type: "DRIVES",
    en: "drives development of",
    zh: "推进…发展",
    description:
      "A key carrier anchors the development of a development tier (property mode), e.g. 中铁轨道交通高科技产业园 drives 中心城区 高端发展.",
    from: ["Carrier"],
    to: ["Region"],
  },
  {
    type: "LEADS",
    en: "leads",
    zh: "牵头",
    description: "An actor leads a project, e.g. 行业龙头企业 lead the 产业集群协同创新重大项目.",
    from: ["CollectiveActor"],
    to: ["Project"],
  },
  {
    type: "PARTICIPATES_IN",
    en: "participates in",
    zh: "参与 / 参加",
    description:
      "An actor takes part in a project, mechanism or event, e.g. 产业联盟 participate in the 产业集群协同创新重大项目; 高校院所 attend the 座谈会机制.",
    from: ["GovernmentBody", "Person", "CollectiveActor"],
    to: ["Project", "Mechanism", "Event"],
  },
  {
    type: "FOCUSES_ON",
    en: "focuses on",
    zh: "聚焦产业 / 领域",
    description:
      "Something is directed at an industry or industry category, e.g. 产业集群协同创新重大项目 in 网络信息安全, 轨道交通, 生物医药.",
    from: ["ResearchInstitute", "Project", "Carrier", "Program", "Event"],
    to: ["Industry"],
  },
  {
    type: "ROADMAP_FOR",
    en: "roadmap for",
    zh: "技术路线图",
    description:
      "A technology roadmap is researched for an industry, e.g. 汽车产业技术路线图 -> 汽车.",
    from: ["TechnologyRoadmap"],
    to: ["Industry"],
  },
  {
    type: "UPSTREAM_OF",
    en: "upstream of",
    zh: "上游",
    description:
      "An industry or chain segment supplies another in an industrial chain; the document states no such link, chain maps do (segments' `supplies`).",
    from: ["Industry", "ChainSegment"],
    to: ["Industry", "ChainSegment"],
  },
  {
    type: "SEGMENT_OF",
    en: "segment of",
    zh: "产业链环节",
    description:
      "A chain segment is a segment of an industry's chain (property position: upstream, midstream, downstream or service), from an imported chain map.",
    from: ["ChainSegment"],
    to: ["Industry"],
  },
  {
    type: "IN_SEGMENT",
    en: "in segment",
    zh: "环节主体",
    description:
      "An organisation or resource works in or serves a chain segment (property role: chain-leader 链主企业, supplier 配套企业, research 研发机构, platform, carrier, project, fund, policy), from an imported chain map.",
    from: [
      "Enterprise",
      "University",
      "ResearchInstitute",
      "Platform",
      "Carrier",
      "Project",
      "Fund",
      "Policy",
      "Program",
      "CollectiveActor",
    ],
    to: ["ChainSegment"],
  },
  {
    type: "PILOT_OF",
    en: "pilot of",
    zh: "试点",
    description:
      "A university is a pilot of a program (property batch), e.g. 川大 is a 首批试点高校 of 分类推进校院地协同创新示范工作.",
    from: ["University"],
    to: ["Program"],
  },
  {
    type: "PART_OF",
    en: "part of",
    zh: "组成部分",
    description:
      'A component belongs to a whole: a policy to a policy system (property component), a measure or task to its list, a fund to a platform, a session meeting to a session, e.g. 企业14条 is part of the "2" of "1+2+N".',
    from: ["Carrier", "Fund", "Policy", "Program", "Mechanism", "Event", "ChainSegment"],
    to: ["Carrier", "Platform", "Policy", "Program", "Event", "ChainSegment"],
  },
  {
    type: "EXAMPLE_OF",
    en: "example of",
    zh: "例如…等",
    description:
      "A named entity is given as an example (如…等) of a class the text counts or names, e.g. 电子科大成都研究院 is an example of the 10 新型研究院.",
    from: ["ResearchInstitute", "CollectiveActor"],
    to: ["Platform", "CollectiveActor"],
  },
  {
    type: "ISSUED_BY",
    en: "issued by",
    zh: "制定 / 出台",
    description:
      'A policy or program is issued or formulated by a body or city, e.g. the "1" 意见 by 市委; the "N" 具体办法 by the municipal departments.',
    from: ["Policy", "Program"],
    to: ["GovernmentBody", "Region"],
  },
  {
    type: "DELIVERS",
    en: "delivers",
    zh: "举措产出",
    description:
      'A measure or task sets up or carries out a deliverable, e.g. 四是"搭平台" delivers 科技中介平台 and 成都技术转移集团.',
    from: ["Program"],
    to: [
      "Enterprise",
      "TechnologyRoadmap",
      "Project",
      "Carrier",
      "Platform",
      "Policy",
      "Mechanism",
      "CollectiveActor",
    ],
  },
  {
    type: "RELIES_ON",
    en: "relies on",
    zh: "依托 / 依据",
    description:
      "Something is built on or selected according to another thing, e.g. 科技中介平台 relies on 科创通; cluster projects are selected according to the roadmaps.",
    from: ["Project", "Platform", "Program"],
    to: ["TechnologyRoadmap", "Platform", "Program"],
  },
  {
    type: "ADOPTS",
    en: "adopts",
    zh: "采用…模式",
    description:
      'A project or platform adopts a mode, e.g. 科创通 adopts the O2O模式; cluster projects follow the "总项目+子课题" mode.',
    from: ["Project", "Platform"],
    to: ["Mechanism"],
  },
  {
    type: "TARGETS",
    en: "targets",
    zh: "面向 / 对接",
    description:
      "A platform, program, mechanism or enterprise serves or engages a class of actors, e.g. 成都技术转移集团 faces 高校院所.",
    from: ["Enterprise", "Platform", "Program", "Mechanism"],
    to: ["CollectiveActor"],
  },
  {
    type: "FUNDS",
    en: "funds",
    zh: "资金支持",
    description:
      "A fund finances a class of actors, e.g. 科技企业债权融资风险补偿资金池 -> 科技企业.",
    from: ["Fund"],
    to: ["CollectiveActor"],
  },
  {
    type: "SUPPORTS",
    en: "supports",
    zh: "支撑 / 支持",
    description:
      'Something supports or promotes a program, project, body or industry, e.g. the "N" 具体办法 support the 六大工程; the 定期会商机制 supports 先进激光创新基地.',
    from: ["GovernmentBody", "Policy", "Program", "Mechanism"],
    to: ["GovernmentBody", "Industry", "Project", "Program"],
  },
  {
    type: "IMPLEMENTS",
    en: "implements",
    zh: "落实 / 实施",
    description:
      "An event, program, policy or city implements a policy, program or deployment, e.g. 市委经济工作会议 implements the 中央经济工作会议 deployment.",
    from: ["Region", "Policy", "Program", "Event"],
    to: ["Policy", "Program", "Event"],
  },
  {
    type: "PRIORITIZES",
    en: "prioritizes",
    zh: "以…为重点",
    description:
      "A policy or program makes a program its focus, e.g. the 2015 总体思路 focuses on deepening the 六大工程.",
    from: ["Policy", "Program"],
    to: ["Program"],
  },
  {
    type: "ESTABLISHED",
    en: "established",
    zh: "部署 / 确立",
    description:
      "An event deployed or established a strategy, e.g. 四川省委十届三次全会 established 创新驱动发展战略 as one of the 三大发展战略.",
    from: ["Event"],
    to: ["Policy"],
  },
  {
    type: "PROPOSED",
    en: "proposed",
    zh: "提出",
    description:
      "An event proposed a program, e.g. the 全局干部大会 proposed the bureau's 2015 总体思路.",
    from: ["Event"],
    to: ["Program"],
  },
  {
    type: "RELAYED",
    en: "relayed",
    zh: "传达学习",
    description:
      "A meeting relayed and studied the spirit of a meeting or of a person's speech, e.g. the 全局干部大会 relayed 黄新初's speech.",
    from: ["Event"],
    to: ["Person", "Event"],
  },
  {
    type: "HOLDS_POSITION",
    en: "holds position",
    zh: "任职",
    description:
      "A person holds a position (property title) in a body, e.g. 唐华庚 is 党组书记、局长 of 市科技局.",
    from: ["Person"],
    to: ["GovernmentBody"],
  },
  {
    type: "PRESIDED_OVER",
    en: "presided over",
    zh: "主持",
    description: "A person presided over an event, e.g. 唐华庚 presided over the 全局干部大会.",
    from: ["Person"],
    to: ["Event"],
  },
  {
    type: "ORGANIZED",
    en: "organized",
    zh: "召开 / 主办",
    description: "A body convened an event, e.g. 市委 held the 经济工作会议 on 1月7日.",
    from: ["GovernmentBody"],
    to: ["Event"],
  },
  {
    type: "VISITED",
    en: "visited",
    zh: "调研",
    description:
      "A person visited a place or institution (property purpose), e.g. 黄新初 visited 西南交通大学 to inspect the rail industry.",
    from: ["Person"],
    to: ["University"],
  },
  {
    type: "PHOTOGRAPHED",
    en: "photographed",
    zh: "摄影",
    description:
      "A photographer took the captioned photo of an event, lab or platform, e.g. 马丁 photographed SWJTU's 电气化铁路同向供电系统研发平台.",
    from: ["Person"],
    to: ["Platform", "Event"],
  },
];

export const RELATION_TYPES: readonly string[] = RELATION_SPECS.map((spec) => spec.type);

export function relationSpec(type: string): RelationSpec | undefined {
  return RELATION_SPECS.find((spec) => spec.type === type);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
