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
    description: "A university or college (高校), including its labs when named as part of it.",
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
    description: "A city, province or development tier (成都, 四川, 中心城区, 近郊区县).",
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
    description: "A program, measure or numbered task (六大科技创新工程, 五项措施, 一是…).",
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
      "A class of actors the text gives a role without naming members (行业龙头企业, 产业联盟, 高校院所).",
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
export const RELATION_SPECS: readonly RelationSpec[] = [];

export const RELATION_TYPES: readonly string[] = RELATION_SPECS.map((spec) => spec.type);

export function relationSpec(type: string): RelationSpec | undefined {
  return RELATION_SPECS.find((spec) => spec.type === type);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
