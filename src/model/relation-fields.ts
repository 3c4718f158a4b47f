import type { DirectionValue } from "./records";
import type { EntityKind } from "./vocabulary";

/**
 * The typed relationship fields of each kind's GraphQL type: which stored relationship types, in
 * which direction, a field follows, and optionally to which kinds. `University.coBuiltInstitutes`
 * is the research institutes affiliated with the university or co-built by it, for example. Every
 * type and kind named here must exist in the vocabulary (a unit test checks it).
 */
export interface RelationFieldSpec {
  readonly kind: EntityKind;
  readonly field: string;
  readonly links: readonly { readonly type: string; readonly direction: DirectionValue }[];
  /** Only relations to entities of these kinds. */
  readonly kinds?: readonly EntityKind[];
  readonly description: string;
  readonly zh: string;
  /**
   * Set on a former name kept for one release (`Carrier.district`, now `Carrier.districts`): the
   * field it was renamed to, which answers exactly the same.
   */
  readonly replacedBy?: string;
  /** Why the former name is deprecated and what to use instead; set with `replacedBy`. */
  readonly deprecationReason?: string;
}

const OUT = "OUT" as const;
const IN = "IN" as const;

function field(
  kind: EntityKind,
  name: string,
  links: [string, DirectionValue][],
  description: string,
  zh: string,
  kinds?: EntityKind[],
): RelationFieldSpec {
  return {
    kind,
    field: name,
    links: links.map(([type, direction]) => ({ type, direction })),
    description,
    zh,
    ...(kinds === undefined ? {} : { kinds }),
  };
}

/**
 * A field renamed from `former` (a singular name for a list: `district` → `districts`). The former
 * name stays for one release, deprecated, as a field of its own that follows the same links: it
 * answers, counts, costs and is read ahead exactly as the new one.
 */
function renamed(former: string, spec: RelationFieldSpec): RelationFieldSpec[] {
  return [
    spec,
    {
      ...spec,
      field: former,
      replacedBy: spec.field,
      deprecationReason: `Use ${spec.field}: it returns a list. Removed in the next release.`,
    },
  ];
}

/**
 * Every typed relationship field, the deprecated former names included (each right after the field
 * that replaces it, with `replacedBy` and `deprecationReason` set).
 */
export const RELATION_FIELDS: readonly RelationFieldSpec[] = [
  // University (高校)
  field(
    "University",
    "coBuiltInstitutes",
    [
      ["AFFILIATED_WITH", IN],
      ["CO_BUILT", OUT],
    ],
    "Research institutes named after or co-built by this university",
    "共建研究院",
    ["ResearchInstitute"],
  ),
  field(
    "University",
    "affiliates",
    [["AFFILIATED_WITH", IN]],
    "Institutes and carriers affiliated with this university",
    "附属机构与载体",
  ),
  field("University", "coBuilt", [["CO_BUILT", OUT]], "What this university co-built", "共建"),
  field(
    "University",
    "pilotPrograms",
    [["PILOT_OF", OUT]],
    "Programs this university is a pilot of",
    "试点",
  ),
  field(
    "University",
    "units",
    [["BELONGS_TO", IN]],
    "Labs and platforms that belong to it",
    "下属单位",
  ),
  field(
    "University",
    "visits",
    [
      ["VISITED", IN],
      ["LOCATED_IN", IN],
    ],
    "Visits and events held at it",
    "调研与活动",
  ),

  // ResearchInstitute (科研院所)
  field(
    "ResearchInstitute",
    "coBuilders",
    [["CO_BUILT", IN]],
    "Who co-built this institute",
    "共建方",
  ),
  ...renamed(
    "university",
    field(
      "ResearchInstitute",
      "universities",
      [["AFFILIATED_WITH", OUT]],
      "The universities it is affiliated with",
      "依托高校",
    ),
  ),
  field(
    "ResearchInstitute",
    "industries",
    [["FOCUSES_ON", OUT]],
    "Industries it serves",
    "服务产业",
  ),
  field(
    "ResearchInstitute",
    "bases",
    [["BELONGS_TO", IN]],
    "Bases and projects that belong to it",
    "所属基地",
  ),
  field(
    "ResearchInstitute",
    "exampleOf",
    [["EXAMPLE_OF", OUT]],
    "The class it is named as an example of",
    "示例类别",
  ),

  // Enterprise (企业)
  field(
    "Enterprise",
    "bases",
    [["BELONGS_TO", IN]],
    "Bases and projects that belong to the group",
    "所属基地",
  ),
  field("Enterprise", "serves", [["TARGETS", OUT]], "Whom it serves", "服务对象"),

  // GovernmentBody (政府机构)
  field(
    "GovernmentBody",
    "officials",
    [["HOLDS_POSITION", IN]],
    "People holding positions in it",
    "任职人员",
  ),
  field("GovernmentBody", "issued", [["ISSUED_BY", IN]], "Policies and programs it issued", "发布"),
  field(
    "GovernmentBody",
    "organizedEvents",
    [["ORGANIZED", OUT]],
    "Meetings it convened",
    "召开会议",
  ),
  field("GovernmentBody", "coBuilt", [["CO_BUILT", OUT]], "What it co-built", "共建"),
  field(
    "GovernmentBody",
    "participatesIn",
    [["PARTICIPATES_IN", OUT]],
    "What it takes part in",
    "参与",
  ),
  field("GovernmentBody", "supports", [["SUPPORTS", OUT]], "What it supports", "支持"),
  field("GovernmentBody", "supportedBy", [["SUPPORTS", IN]], "What supports it", "受支持"),

  // District (区县)
  field(
    "District",
    "carriers",
    [
      ["LOCATED_IN", IN],
      ["DEVELOPS", OUT],
    ],
    "Carriers located in or developed by this district",
    "载体",
    ["Carrier"],
  ),
  field("District", "coBuilt", [["CO_BUILT", OUT]], "What this district co-built", "共建"),
  field("District", "developed", [["DEVELOPS", OUT]], "Carriers this district builds", "建设"),

  // Region (地区 / 层级)
  field(
    "Region",
    "drivenBy",
    [["DRIVES", IN]],
    "Carriers that drive this tier's development",
    "带动载体",
  ),
  field("Region", "issued", [["ISSUED_BY", IN]], "Policies issued in its name", "出台"),
  field("Region", "implements", [["IMPLEMENTS", OUT]], "Strategies it implements", "实施"),

  // Industry (产业)
  field(
    "Industry",
    "roadmaps",
    [["ROADMAP_FOR", IN]],
    "Technology roadmaps of this industry",
    "技术路线图",
  ),
  field(
    "Industry",
    "upstream",
    [["UPSTREAM_OF", IN]],
    "Industries or segments that supply it",
    "上游",
  ),
  field(
    "Industry",
    "downstream",
    [["UPSTREAM_OF", OUT]],
    "Industries or segments it supplies",
    "下游",
  ),
  field("Industry", "projects", [["FOCUSES_ON", IN]], "Projects in this industry", "项目", [
    "Project",
  ]),
  field("Industry", "carriers", [["FOCUSES_ON", IN]], "Parks and bases serving it", "载体", [
    "Carrier",
  ]),
  field("Industry", "focusedBy", [["FOCUSES_ON", IN]], "Everything that focuses on it", "聚焦主体"),
  field("Industry", "supportedBy", [["SUPPORTS", IN]], "What supports it", "支持"),

  // TechnologyRoadmap (技术路线图)
  ...renamed(
    "industry",
    field(
      "TechnologyRoadmap",
      "industries",
      [["ROADMAP_FOR", OUT]],
      "The industries it charts",
      "所属产业",
    ),
  ),
  field(
    "TechnologyRoadmap",
    "projects",
    [["RELIES_ON", IN]],
    "Projects selected according to it",
    "依据项目",
  ),
  field(
    "TechnologyRoadmap",
    "deliveredBy",
    [["DELIVERS", IN]],
    "The task that produces it",
    "来源任务",
  ),

  // Project (项目 / 基地)
  field("Project", "leads", [["LEADS", IN]], "Who leads the project", "牵头"),
  field("Project", "participants", [["PARTICIPATES_IN", IN]], "Who takes part", "参与"),
  ...renamed(
    "owner",
    field(
      "Project",
      "owners",
      [["BELONGS_TO", OUT]],
      "The groups or institutes it belongs to",
      "所属",
    ),
  ),
  field("Project", "industries", [["FOCUSES_ON", OUT]], "Industries or fields it serves", "领域"),
  field("Project", "roadmaps", [["RELIES_ON", OUT]], "Roadmaps it follows", "依据路线图", [
    "TechnologyRoadmap",
  ]),
  field("Project", "supportedBy", [["SUPPORTS", IN]], "What supports it", "支持"),
  field("Project", "deliveredBy", [["DELIVERS", IN]], "The task that carries it out", "来源任务"),
  field("Project", "modes", [["ADOPTS", OUT]], "Modes it adopts", "模式"),

  // Carrier (创新载体)
  ...renamed(
    "district",
    field(
      "Carrier",
      "districts",
      [
        ["LOCATED_IN", OUT],
        ["DEVELOPS", IN],
      ],
      "The districts it is in or that build it",
      "所在区县",
      ["District"],
    ),
  ),
  field("Carrier", "coBuilders", [["CO_BUILT", IN]], "Who co-builds it", "共建方"),
  ...renamed(
    "university",
    field(
      "Carrier",
      "universities",
      [["AFFILIATED_WITH", OUT]],
      "The universities it belongs with",
      "依托高校",
    ),
  ),
  field("Carrier", "industries", [["FOCUSES_ON", OUT]], "Industries it serves", "服务产业"),
  field("Carrier", "drives", [["DRIVES", OUT]], "The development tier it drives", "带动层级"),
  field("Carrier", "parts", [["PART_OF", IN]], "Its parts", "组成"),
  field("Carrier", "partOf", [["PART_OF", OUT]], "What it is part of", "所属"),

  // Platform (平台)
  field("Platform", "reliesOn", [["RELIES_ON", OUT]], "Platforms it relies on", "依托"),
  field("Platform", "dependents", [["RELIES_ON", IN]], "Platforms built on it", "依托其搭建"),
  field("Platform", "coBuilders", [["CO_BUILT", IN]], "Who co-builds it", "共建方"),
  field("Platform", "serves", [["TARGETS", OUT]], "Whom it serves", "服务对象"),
  ...renamed(
    "owner",
    field("Platform", "owners", [["BELONGS_TO", OUT]], "Who it belongs to", "所属"),
  ),
  field("Platform", "parts", [["PART_OF", IN]], "Its parts", "组成"),
  field("Platform", "modes", [["ADOPTS", OUT]], "Modes it adopts", "模式"),
  field("Platform", "photographedBy", [["PHOTOGRAPHED", IN]], "Who photographed it", "摄影"),
  field("Platform", "examples", [["EXAMPLE_OF", IN]], "Named examples of it", "示例"),

  // Fund (资金)
  field("Fund", "funds", [["FUNDS", OUT]], "Whom it funds", "资助对象"),
  field("Fund", "partOf", [["PART_OF", OUT]], "The platform or program it is part of", "所属"),

  // Policy (政策)
  field("Policy", "parts", [["PART_OF", IN]], "Its parts, e.g. the 1, 2 and N of “1+2+N”", "组成"),
  field("Policy", "partOf", [["PART_OF", OUT]], "The policy system it is part of", "所属体系"),
  field("Policy", "issuers", [["ISSUED_BY", OUT]], "Who issued it", "发布机构"),
  field("Policy", "supports", [["SUPPORTS", OUT]], "What it supports", "支撑"),
  field("Policy", "implements", [["IMPLEMENTS", OUT]], "What it implements", "实施"),
  field("Policy", "implementedBy", [["IMPLEMENTS", IN]], "What implements it", "落实"),
  field("Policy", "priorities", [["PRIORITIZES", OUT]], "What it puts first", "重点"),
  field("Policy", "establishedBy", [["ESTABLISHED", IN]], "Meetings that established it", "确立"),

  // Program (工程 / 措施 / 任务)
  field("Program", "parts", [["PART_OF", IN]], "Its items, in order", "组成"),
  field("Program", "partOf", [["PART_OF", OUT]], "The list or program it belongs to", "所属"),
  field("Program", "delivers", [["DELIVERS", OUT]], "What it sets up", "产出"),
  field("Program", "issuers", [["ISSUED_BY", OUT]], "Who issued it", "发布机构"),
  field("Program", "pilots", [["PILOT_OF", IN]], "Pilot universities", "试点高校"),
  field("Program", "supports", [["SUPPORTS", OUT]], "What it supports", "支持"),
  field("Program", "supportedBy", [["SUPPORTS", IN]], "What supports it", "受支持"),
  field("Program", "targets", [["TARGETS", OUT]], "Whom it addresses", "面向"),
  field("Program", "priorities", [["PRIORITIZES", OUT]], "What it puts first", "重点"),
  field("Program", "reliesOn", [["RELIES_ON", OUT]], "What it uses as its lever", "抓手"),
  field("Program", "industries", [["FOCUSES_ON", OUT]], "Industries it addresses", "产业"),
  field("Program", "implements", [["IMPLEMENTS", OUT]], "What it implements", "实施"),

  // Mechanism (机制)
  field("Mechanism", "participants", [["PARTICIPATES_IN", IN]], "Who takes part", "参加"),
  field("Mechanism", "coBuilders", [["CO_BUILT", IN]], "Who set it up together", "共建方"),
  field("Mechanism", "supports", [["SUPPORTS", OUT]], "What it supports", "支持"),
  field("Mechanism", "targets", [["TARGETS", OUT]], "Whom it addresses", "面向"),
  field("Mechanism", "adoptedBy", [["ADOPTS", IN]], "Who adopts it", "采用"),
  field("Mechanism", "deliveredBy", [["DELIVERS", IN]], "The task that set it up", "来源任务"),

  // Person (人物)
  field(
    "Person",
    "positions",
    [["HOLDS_POSITION", OUT]],
    "Positions held, with the title as a property",
    "职务",
  ),
  field("Person", "presided", [["PRESIDED_OVER", OUT]], "Meetings presided over", "主持"),
  field("Person", "visited", [["VISITED", OUT]], "Places visited", "调研"),
  field("Person", "photographed", [["PHOTOGRAPHED", OUT]], "What the person photographed", "摄影"),
  field("Person", "participatedIn", [["PARTICIPATES_IN", OUT]], "Events taken part in", "参加"),
  field(
    "Person",
    "relayedBy",
    [["RELAYED", IN]],
    "Meetings that relayed the person's speech",
    "传达",
  ),

  // Event (会议 / 活动)
  field("Event", "organizers", [["ORGANIZED", IN]], "Who convened it", "召开方"),
  field("Event", "presidedBy", [["PRESIDED_OVER", IN]], "Who presided", "主持人"),
  field("Event", "participants", [["PARTICIPATES_IN", IN]], "Who took part", "参加"),
  ...renamed(
    "location",
    field("Event", "locations", [["LOCATED_IN", OUT]], "Where it took place", "地点"),
  ),
  field("Event", "industries", [["FOCUSES_ON", OUT]], "Industries it concerned", "产业"),
  field("Event", "relayed", [["RELAYED", OUT]], "What it relayed", "传达"),
  field("Event", "proposed", [["PROPOSED", OUT]], "What it proposed", "提出"),
  field("Event", "established", [["ESTABLISHED", OUT]], "What it established", "确立"),
  field("Event", "implements", [["IMPLEMENTS", OUT]], "What it implemented", "贯彻"),
  field("Event", "partOf", [["PART_OF", OUT]], "The larger event", "所属会议"),
  field("Event", "parts", [["PART_OF", IN]], "Sessions held within it", "分会"),
  field("Event", "photographedBy", [["PHOTOGRAPHED", IN]], "Who photographed it", "摄影"),

  // CollectiveActor (群体主体)
  field("CollectiveActor", "leads", [["LEADS", OUT]], "What these actors lead", "牵头"),
  field(
    "CollectiveActor",
    "participatesIn",
    [["PARTICIPATES_IN", OUT]],
    "What they take part in",
    "参与",
  ),
  field("CollectiveActor", "coBuilt", [["CO_BUILT", OUT]], "What they co-build", "共建"),
  field("CollectiveActor", "examples", [["EXAMPLE_OF", IN]], "Named examples of the class", "示例"),
  field("CollectiveActor", "fundedBy", [["FUNDS", IN]], "Funds for them", "资金"),
  field("CollectiveActor", "targetedBy", [["TARGETS", IN]], "What addresses them", "面向其的"),

  // ChainSegment (产业链环节), from imported chain maps
  field(
    "ChainSegment",
    "industries",
    [["SEGMENT_OF", OUT]],
    "The industry whose chain it is a segment of",
    "所属产业",
  ),
  field(
    "ChainSegment",
    "members",
    [["IN_SEGMENT", IN]],
    "Organisations and resources in it, each with its role",
    "环节主体",
  ),
  field("ChainSegment", "upstream", [["UPSTREAM_OF", IN]], "Segments that supply it", "上游环节"),
  field("ChainSegment", "downstream", [["UPSTREAM_OF", OUT]], "Segments it supplies", "下游环节"),
  field("ChainSegment", "partOf", [["PART_OF", OUT]], "The larger segment", "上级环节"),
  field("ChainSegment", "parts", [["PART_OF", IN]], "Its sub-segments", "子环节"),
  field(
    "Industry",
    "segments",
    [["SEGMENT_OF", IN]],
    "Segments of its chain (chain maps)",
    "产业链环节",
  ),
  field(
    "Enterprise",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "University",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "ResearchInstitute",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Platform",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Carrier",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Project",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Fund",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Policy",
    "segments",
    [["IN_SEGMENT", OUT]],
    "Chain segments it works in or serves (chain maps)",
    "所在环节",
  ),
  field(
    "Enterprise",
    "districts",
    [["LOCATED_IN", OUT]],
    "Districts it is located in (chain maps)",
    "所在区县",
    ["District"],
  ),
  field(
    "ResearchInstitute",
    "districts",
    [["LOCATED_IN", OUT]],
    "Districts it is located in (chain maps)",
    "所在区县",
    ["District"],
  ),
  field(
    "Platform",
    "districts",
    [["LOCATED_IN", OUT]],
    "Districts it is located in (chain maps)",
    "所在区县",
    ["District"],
  ),
  field(
    "Project",
    "districts",
    [["LOCATED_IN", OUT]],
    "Districts it is located in (chain maps)",
    "所在区县",
    ["District"],
  ),
  field(
    "Fund",
    "districts",
    [["LOCATED_IN", OUT]],
    "Districts it is located in (chain maps)",
    "所在区县",
    ["District"],
  ),
];
