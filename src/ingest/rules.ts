/**
 * The extraction rules as data: Chinese naming patterns for entities, trigger words for
 * relationships, and units for stated numbers. Each rule has a stable id that every candidate
 * records, so a reviewer (and the evaluation) can see which rule proposed what and tune it.
 * The rules are general patterns of Chinese policy text; none names a particular entity.
 */

import type { EntityKind } from "../model/vocabulary";

/**
 * A name that ends in a kind word (…大学, …研究院): the name runs left from the suffix to the
 * nearest boundary (punctuation or a stop word), and must keep `minStem` characters before it.
 */
export interface SuffixRule {
  readonly id: string;
  readonly suffix: string;
  readonly kind: EntityKind;
  readonly confidence: number;
  readonly minStem: number;
  /** The longest name the rule proposes; longer spans are a missed boundary, not a name. */
  readonly maxLength: number;
  /** The suffix is a word of its own only when the text does not go on with one of these. */
  readonly notBefore?: readonly string[];
  /** The kind of the suffix standing alone (区县: the districts and counties as a class). */
  readonly bareKind?: EntityKind;
  /** Industries and classes are named at the end of a noun phrase: 、 和 等 or punctuation follow. */
  readonly phraseEnd?: boolean;
}

const rule = (
  suffix: string,
  kind: EntityKind,
  confidence: number,
  minStem = 2,
  extra: Partial<SuffixRule> = {},
): SuffixRule => ({
  id: `entity:suffix-${suffix}`,
  suffix,
  kind,
  confidence,
  minStem,
  maxLength: 24,
  ...extra,
});

/** Longest suffixes first: 研究院 before 院, 资金池 before 资金, 示范区 before 区. */
export const SUFFIX_RULES: readonly SuffixRule[] = [
  rule("大学", "University", 0.9, 2, { notBefore: ["生", "科技园", "城"] }),
  rule("科大", "University", 0.7, 2),
  rule("学院", "University", 0.8, 2, { notBefore: ["成都研究院"] }),
  rule("研究院", "ResearchInstitute", 0.9, 2),
  rule("研究所", "ResearchInstitute", 0.9, 2),
  rule("实验室", "Platform", 0.85, 2),
  rule("科技园", "Carrier", 0.8, 2),
  rule("产业园", "Carrier", 0.85, 2),
  // The vocabulary's Project is "an industrialization project or base (产业化基地)"; other bases
  // (产业基地) are carriers.
  rule("产业化基地", "Project", 0.8, 2),
  rule("创新基地", "Project", 0.8, 2),
  rule("研发基地", "Project", 0.8, 2),
  rule("基地", "Carrier", 0.8, 3),
  rule("孵化器", "Carrier", 0.8, 0),
  rule("加速器", "Carrier", 0.6, 0, { phraseEnd: true }),
  rule("楼宇", "Carrier", 0.5, 4),
  rule("经济圈", "Carrier", 0.7, 3),
  rule("科技城", "Carrier", 0.7, 2),
  rule("城", "Carrier", 0.5, 2, { maxLength: 12, notBefore: ["市", "区", "乡", "镇"] }),
  rule("示范区", "Carrier", 0.8, 2),
  rule("功能区", "Carrier", 0.8, 2),
  rule("试点区", "Carrier", 0.8, 2),
  rule("集群", "Carrier", 0.5, 4, { notBefore: ["协同"] }),
  rule("载体", "Carrier", 0.4, 4, { phraseEnd: true }),
  rule("中心", "Platform", 0.6, 4),
  rule("平台", "Platform", 0.7, 4),
  rule("大市场", "Platform", 0.6, 4),
  rule("集团", "Enterprise", 0.9, 2),
  rule("公司", "Enterprise", 0.9, 2),
  rule("区县", "Region", 0.6, 0, { bareKind: "CollectiveActor" }),
  // A city written with 市 (成都市): two characters and 市, never 城市, 全市 or 市委.
  rule("市", "Region", 0.5, 2, {
    maxLength: 3,
    notBefore: ["委", "政", "场", "级", "民", "长", "区", "县", "域"],
  }),
  rule("城区", "Region", 0.6, 2),
  rule("新区", "District", 0.8, 2, { maxLength: 6 }),
  rule("区", "District", 0.7, 1, { maxLength: 5, notBefore: ["县", "域", "别", "分"] }),
  rule("县", "District", 0.7, 1, { maxLength: 5, notBefore: ["域", "级"] }),
  rule("省委", "GovernmentBody", 0.8, 0, { maxLength: 5 }),
  rule("市委", "GovernmentBody", 0.8, 0, { maxLength: 5, notBefore: ["员"] }),
  rule("政协", "GovernmentBody", 0.7, 2, { maxLength: 6, notBefore: ["委员"] }),
  rule("局", "GovernmentBody", 0.7, 2, { maxLength: 8, notBefore: ["面", "势"] }),
  rule("厅", "GovernmentBody", 0.7, 2, { maxLength: 8 }),
  rule("会议", "Event", 0.7, 3, { maxLength: 16 }),
  rule("大会", "Event", 0.7, 2, { maxLength: 12 }),
  rule("全会", "Event", 0.8, 3, { maxLength: 12 }),
  rule("协商会", "Event", 0.7, 2, { maxLength: 12 }),
  rule("工程", "Program", 0.7, 4),
  rule("城市建设", "Program", 0.5, 2),
  rule("项措施", "Program", 0.6, 1, { maxLength: 10 }),
  rule("总体思路", "Program", 0.5, 0),
  rule("计划", "Program", 0.6, 3, { notBefore: ["项目"] }),
  rule("行动", "Program", 0.5, 4, { phraseEnd: true }),
  rule("机制", "Mechanism", 0.7, 3, { notBefore: ["改革", "创新", "不畅"] }),
  rule("模式", "Mechanism", 0.6, 2),
  rule("体系", "Mechanism", 0.5, 4),
  rule("链", "Mechanism", 0.5, 5),
  rule("资金池", "Fund", 0.9, 2),
  rule("资金", "Fund", 0.7, 4, { notBefore: ["池"] }),
  rule("基金", "Fund", 0.8, 2),
  rule("意见", "Policy", 0.4, 6),
  rule("办法", "Policy", 0.6, 2),
  rule("战略", "Policy", 0.6, 4, { notBefore: ["性", "合作"] }),
  rule("政策", "Policy", 0.5, 4),
  rule("项目", "Project", 0.5, 6, { phraseEnd: true }),
  rule("产业", "Industry", 0.6, 2, { phraseEnd: true, maxLength: 10 }),
  rule("服务业", "Industry", 0.7, 2, { maxLength: 10 }),
  rule("农业", "Industry", 0.6, 2, { phraseEnd: true, maxLength: 8 }),
  rule("企业", "CollectiveActor", 0.5, 0, { phraseEnd: true, maxLength: 10 }),
  rule("院所", "CollectiveActor", 0.6, 0, { phraseEnd: true, maxLength: 10 }),
  rule("机构", "CollectiveActor", 0.5, 2, { phraseEnd: true, maxLength: 10 }),
  rule("联盟", "CollectiveActor", 0.6, 2, { maxLength: 10 }),
  rule("人才", "CollectiveActor", 0.4, 4, { phraseEnd: true, maxLength: 10 }),
  rule("干部", "CollectiveActor", 0.4, 2, { phraseEnd: true, maxLength: 6 }),
  rule("学生", "CollectiveActor", 0.4, 1, { maxLength: 5 }),
];

/**
 * Function words that always end the phrase before a name: a name never reaches back across
 * them (科技专业楼宇等科技载体 is two phrases).
 */
export const FUNCTION_WORDS: readonly string[] = [
  "与",
  "和",
  "及",
  "或",
  "的",
  "在",
  "由",
  "对",
  "向",
  "将",
  "把",
  "从",
  "于",
  "为",
  "以",
  "是",
  "如",
  "等",
  "并",
  "同",
  "而",
  "即",
  "了",
  "着",
];

/**
 * Words that hold a function word but are not one (协同, 同向): no boundary inside them.
 */
export const NOT_BOUNDARIES: readonly string[] = [
  "协同",
  "共同",
  "同向",
  "导向",
  "方向",
  "基于",
  "对于",
  "位于",
  "作为",
  "成为",
  "行为",
  "可以",
  "所以",
  "现在",
  "从而",
  "针对",
  "面对",
  "相对",
  "在蓉",
  "在京",
  "在沪",
  "在川",
];

/**
 * Stop words that are also parts of names (科技人才发展工程, 创新环境优化工程): a name may reach
 * back across them when the stem after them is too short. Every other stop word is final.
 */
export const NAME_PART_STOPS: readonly string[] = [
  "发展",
  "提升",
  "优化",
  "协调",
  "引导",
  "服务",
  "管理",
  "支持",
];

/**
 * Where a name cannot begin: the verbs, prepositions, conjunctions and quantifiers that open the
 * phrase before a name in policy prose. The longest that ends just before a name is its boundary.
 */
export const STOP_WORDS: readonly string[] = [
  ...FUNCTION_WORDS,
  "其中",
  "各类",
  "一批",
  "这类",
  "相关",
  "共同",
  "加快",
  "推进",
  "推动",
  "促进",
  "建设",
  "建立",
  "构建",
  "搭建",
  "打造",
  "创建",
  "争创",
  "启动",
  "实施",
  "开展",
  "引导",
  "鼓励",
  "支持",
  "依托",
  "利用",
  "面向",
  "围绕",
  "结合",
  "加强",
  "深化",
  "强化",
  "提升",
  "完善",
  "优化",
  "整合",
  "培育",
  "发展",
  "形成",
  "引进",
  "引入",
  "对接",
  "主动",
  "积极",
  "大力",
  "重点",
  "全面",
  "进一步",
  "设立",
  "成立",
  "出台",
  "制定",
  "落实",
  "贯彻",
  "参与",
  "参加",
  "牵头",
  "共建",
  "联合",
  "带动",
  "选择",
  "作为",
  "激发",
  "释放",
  "汇集",
  "营造",
  "塑造",
  "聚集",
  "基于",
  "采用",
  "通过",
  "遴选",
  "按照",
  "依据",
  "发布",
  "协调",
  "解决",
  "提供",
  "实现",
  "着力",
  "探索",
  "抓好",
  "举行",
  "召开",
  "主持",
  "调研",
  "聆听",
  "认为",
  "提出",
  "部署",
  "确立",
  "加大",
  "成为",
  "率先",
  "传达学习",
  "健全",
  "一是",
  "二是",
  "三是",
  "四是",
  "五是",
  "六是",
  "今年",
  "目前",
  "同时",
  "然而",
  "会上",
  "拟建",
  "在建",
  "已建",
  "改进",
  "发挥",
  "存在",
  "紧抓",
  "抓住",
  "大批",
  "各",
  "我市",
  "领导",
  "研究提出",
];

/**
 * Measure words end a phrase only after a number (10个, 200余家, 2015年): 国家, 项目 and 多 are
 * parts of names.
 */
export const MEASURE_WORDS: readonly string[] = [
  "个",
  "家",
  "项",
  "年",
  "月",
  "日",
  "名",
  "条",
  "所",
];
export const NUMBER_CHARS = /[\d零一二三四五六七八九十百千万两余多]/u;

/** Numbered list items: 一是…, （一）…, 1.… up to the end of their sentence. */
export const LIST_ITEM_RULE = {
  id: "entity:list-item",
  kind: "Program" as EntityKind,
  confidence: 0.6,
  pattern:
    /(?:^|[。；\n])\s*(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.、．])([^。；\n]{4,40})[。；]?/gu,
};

/** A short sentence opening a paragraph's body: a sub-heading (开展产业技术路线图研制。). */
export const HEADING_RULE = {
  id: "entity:heading-sentence",
  kind: "Program" as EntityKind,
  confidence: 0.4,
  minLength: 5,
  maxLength: 22,
  /** Sub-headings open with a verb of doing. */
  openers: [
    "开展",
    "实施",
    "推进",
    "推动",
    "深化",
    "强化",
    "加快",
    "加强",
    "打造",
    "建设",
    "构建",
    "共建",
    "汇集",
    "塑造",
    "引导",
    "分类",
    "积极",
    "鼓励",
    "启动",
    "大力",
    "搭建",
    "完善",
    "提升",
    "建立",
  ],
};

/** Quoted names: “…” (a programme or platform name), 《…》 (a policy document). */
export const QUOTE_RULES = {
  policy: { id: "entity:book-title", kind: "Policy" as EntityKind, confidence: 0.9 },
  quoted: { id: "entity:quoted-name", kind: "Program" as EntityKind, confidence: 0.5 },
  /** 简称“…”: the short form the text itself defines. */
  shortForm: { id: "entity:short-form", kind: "Policy" as EntityKind, confidence: 0.8 },
  /** A quoted enumeration of names that all end in one kind word: “A工程、B工程”. */
  quotedList: { id: "entity:quoted-list", confidence: 0.8 },
};

/** Titles that stand before a person's name (市委书记黄新初) or after a given name (新初书记). */
export const PERSON_TITLES: readonly string[] = [
  "书记",
  "局长",
  "市长",
  "代市长",
  "省长",
  "主席",
  "主任",
  "院长",
  "校长",
  "厅长",
  "区长",
  "县长",
  "部长",
  "常委",
  "董事长",
  "总经理",
];
export const PERSON_RULES = {
  afterTitle: { id: "entity:person-after-title", kind: "Person" as EntityKind, confidence: 0.7 },
  beforeTitle: { id: "entity:person-before-title", kind: "Person" as EntityKind, confidence: 0.5 },
  photoCredit: { id: "entity:person-photo-credit", kind: "Person" as EntityKind, confidence: 0.6 },
  visit: { id: "entity:event-visit", kind: "Event" as EntityKind, confidence: 0.6 },
};

/**
 * An enumeration sharing one head: 移动互联网、汽车、新能源等重点产业技术路线图 names each
 * item's roadmap and each item as an industry; 市级科技、经济…等管理部门 names each department.
 */
export interface EnumerationRule {
  readonly id: string;
  /** The head after 等 (and an optional 重点). */
  readonly head: string;
  /** The kind of the items themselves, when they are names (industries), else null. */
  readonly itemKind: EntityKind | null;
  /** The kind of item + head, when that is a name (a roadmap, a department), else null. */
  readonly composedKind: EntityKind | null;
  readonly confidence: number;
}

export const ENUMERATION_RULES: readonly EnumerationRule[] = [
  {
    id: "entity:enum-领域",
    head: "领域",
    itemKind: "Industry",
    composedKind: null,
    confidence: 0.7,
  },
  {
    id: "entity:enum-产业技术路线图",
    head: "产业技术路线图",
    itemKind: "Industry",
    composedKind: "TechnologyRoadmap",
    confidence: 0.7,
  },
  {
    id: "entity:enum-产业",
    head: "产业",
    itemKind: "Industry",
    composedKind: null,
    confidence: 0.6,
  },
  {
    id: "entity:enum-管理部门",
    head: "管理部门",
    itemKind: null,
    composedKind: "GovernmentBody",
    confidence: 0.6,
  },
  {
    id: "entity:enum-部门",
    head: "部门",
    itemKind: null,
    composedKind: "GovernmentBody",
    confidence: 0.5,
  },
];

/** A party congress as the text abbreviates it: 党的十八大, 十八大. */
export const CONGRESS_RULE = {
  id: "entity:party-congress",
  kind: "Event" as EntityKind,
  confidence: 0.7,
  pattern: /(?:党的)?十[一二三四五六七八九]?大(?!学|会|战略|产业|工程)/gu,
};

/** Organs named by a bare word (市委, 中央) wherever they stand. */
export const BARE_NAMES = {
  id: "entity:bare-organ",
  kind: "GovernmentBody" as EntityKind,
  confidence: 0.6,
  words: ["中央", "国务院", "省委", "市委", "市政府", "省政府"],
};

/**
 * Where one end of a trigger stands. chain: the enumeration touching the trigger (A、B和C共建);
 * near: the closest name; find: the closest name whose kind fits; first: the first fitting name
 * of the sentence (its topic); last: the last fitting name of the clause after the trigger
 * (制定…的若干具体办法); since: every name after the anchor word (以A、B、C为重点).
 */
export type EndMode = "chain" | "near" | "find" | "first" | "last" | "since";

/**
 * A relationship trigger: a word between two ends. The type is proposed only for end kinds the
 * vocabulary allows. A name read from the sentence's topic (find, first) may stand on either
 * side: 依托X，搭建Y and 搭建Y，依托X both make Y rely on X.
 */
export interface RelationRule {
  readonly id: string;
  readonly trigger: RegExp;
  readonly type: string;
  readonly left: EndMode;
  readonly right: EndMode;
  /** The word that opens a `since` span. */
  readonly anchor?: string;
  /** 面向X的Y: when a name follows the right end after 的, it is the left end. */
  readonly ofForm?: boolean;
  /** Source is the right end (由…制定的X: X is issued by the left end). */
  readonly reversed?: boolean;
  readonly confidence: number;
}

const relation = (
  id: string,
  trigger: RegExp,
  type: string,
  left: EndMode,
  right: EndMode,
  confidence: number,
  extra: Partial<RelationRule> = {},
): RelationRule => ({ id, trigger, type, left, right, confidence, ...extra });

export const RELATION_RULES: readonly RelationRule[] = [
  relation("rel:X共建Y", /共建/gu, "CO_BUILT", "chain", "chain", 0.8),
  relation(
    "rel:联合X建立Y",
    /(?<=联合\p{Script=Han}{2,12})建立/gu,
    "CO_BUILT",
    "chain",
    "near",
    0.6,
  ),
  relation("rel:X建设Y", /(?:启动)?建设|创建|争创/gu, "DEVELOPS", "chain", "chain", 0.6),
  relation("rel:以X为重点推进Y", /为重点[,，]推进/gu, "DRIVES", "since", "chain", 0.6, {
    anchor: "以",
  }),
  relation(
    "rel:在X等领域",
    /等领域[^。；,，]{0,8}?(?:实施|开展)(?:\d+个)?/gu,
    "FOCUSES_ON",
    "chain",
    "find",
    0.6,
    { reversed: true },
  ),
  relation("rel:由X牵头", /牵头/gu, "LEADS", "chain", "find", 0.6),
  relation("rel:X参与Y", /(?:共同)?参与|参加/gu, "PARTICIPATES_IN", "chain", "find", 0.5),
  relation("rel:面向X", /面向/gu, "TARGETS", "first", "chain", 0.5, { ofForm: true }),
  relation("rel:依托X", /依托/gu, "RELIES_ON", "first", "near", 0.5),
  relation("rel:主持Y", /主持(?:召开)?/gu, "PRESIDED_OVER", "near", "near", 0.7),
  relation("rel:召开Y", /召开/gu, "ORGANIZED", "near", "near", 0.6),
  relation("rel:落实Y", /(?:贯彻)?落实/gu, "IMPLEMENTS", "near", "chain", 0.4),
  relation("rel:支持Y", /支持(?:和推进)?/gu, "SUPPORTS", "near", "chain", 0.4),
  relation("rel:传达学习Y", /传达(?:学习)?/gu, "RELAYED", "near", "chain", 0.5),
  relation("rel:聚焦Y", /聚焦|调研/gu, "FOCUSES_ON", "near", "near", 0.5),
  relation("rel:X制定Y", /制定|出台/gu, "ISSUED_BY", "chain", "last", 0.5, { reversed: true }),
  relation("rel:采用Y", /采用|按照/gu, "ADOPTS", "first", "near", 0.5),
  relation(
    "rel:X将Y确立为",
    /将(?=[^,，。]{2,30}确立为)|做出了实施/gu,
    "ESTABLISHED",
    "near",
    "near",
    0.5,
  ),
  relation("rel:X确立为Y之一", /确立为/gu, "PART_OF", "near", "last", 0.4),
  relation("rel:X举行Y", /举行/gu, "PART_OF", "near", "near", 0.5, { reversed: true }),
  relation("rel:X位于Y", /位于|坐落于|落户/gu, "LOCATED_IN", "near", "near", 0.6),
  relation("rel:X入选Y", /入选|被认定为|获批/gu, "PILOT_OF", "chain", "find", 0.5),
];

/** 如A、B等，…这类C: each example is an example of the class. */
export const EXAMPLE_RULE = { id: "rel:如X等这类Y", type: "EXAMPLE_OF", confidence: 0.6 };
/** A、B等C (in a chain): the items are examples of the class named after 等. */
export const CHAIN_CLASS_RULE = { id: "rel:X等Y", type: "EXAMPLE_OF", confidence: 0.4 };

/**
 * A sub-heading or list item delivers what the first sentence of its body names: the names of
 * the kind its own words name (共建创新孵化载体 → the carriers 科技企业孵化器、加速器…), or, when
 * it names no kind, what the body's first building verb makes (启动…核算。建立全市统计工作协调机制).
 */
export const HEADING_DELIVERS_RULE = {
  id: "rel:heading-delivers",
  type: "DELIVERS",
  confidence: 0.4,
  buildVerbs: /建立|搭建|构建|建设|打造|设立|成立|共建|制定|出台|开展|实施|创建|争创/gu,
};

/**
 * Two names side by side (金牛区中铁…产业园, 西南交通大学的…平台, 市委《…意见》): the second lies
 * in, belongs to or is issued by the first.
 */
export const ADJACENT_RULE = {
  id: "rel:adjacent",
  confidence: 0.6,
  types: ["LOCATED_IN", "BELONGS_TO", "ISSUED_BY"],
  /** 西南交通大学的…平台: joined by 的, the second belongs to the first. */
  typesWithOf: ["BELONGS_TO", "LOCATED_IN", "ISSUED_BY"],
};
/** A name that opens with another (中国电子科技集团国家…基地, 市科技局五项措施). */
export const LEADING_NAME_RULE = {
  id: "rel:leading-name",
  confidence: 0.6,
  types: ["BELONGS_TO", "ISSUED_BY"],
};
/** A title between a body and a person: 市科技局党组书记、局长唐华庚. */
export const POSITION_RULE = { id: "rel:title-person", type: "HOLDS_POSITION", confidence: 0.7 };
/** A quoted list before 等N大…: each item is part of the whole. */
export const LIST_PART_RULE = { id: "rel:list-part-of", type: "PART_OF", confidence: 0.7 };
/** An enumeration's composed names relate to their items (a roadmap for its industry). */
export const ENUM_RELATION_RULE = { id: "rel:enum-head", confidence: 0.7 };
/** A photo credit (…。马丁摄) names who photographed the captioned thing. */
export const PHOTO_RULE = { id: "rel:photo-credit", type: "PHOTOGRAPHED", confidence: 0.6 };

/** Units of stated numbers; a number with one of these is a fact of the name it follows. */
export interface UnitRule {
  readonly id: string;
  readonly unit: string;
  readonly key: string;
  readonly label: string;
}

export const UNIT_RULES: readonly UnitRule[] = [
  { id: "fact:unit-亿元", unit: "亿元", key: "amount", label: "金额 (amount)" },
  { id: "fact:unit-万元", unit: "万元", key: "amount", label: "金额 (amount)" },
  { id: "fact:unit-个", unit: "个", key: "count", label: "数量 (count)" },
  { id: "fact:unit-家", unit: "家", key: "count", label: "数量 (count)" },
  { id: "fact:unit-项", unit: "项", key: "count", label: "数量 (count)" },
  { id: "fact:unit-名", unit: "名", key: "count", label: "人数 (people)" },
  { id: "fact:unit-年", unit: "年", key: "year", label: "年份 (year)" },
];

/** Words before a number that make it a threshold, not an amount (seeds/README.md). */
export const QUALIFIERS: readonly (readonly [string, string])[] = [
  ["突破", "threshold: 突破 (exceeded)"],
  ["超过", "threshold: 超过 (more than)"],
  ["逾", "threshold: 逾 (over)"],
  ["余", "approximate: 余 (more than)"],
  ["近", "approximate: 近 (nearly)"],
];
