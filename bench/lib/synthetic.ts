import { normalizeName } from "../../src/model/names";
import type { Props, SeedRows } from "../../src/model/seed-rows";
import { relationshipId } from "../../src/services/seed-rows";
import { relationSpec, type EntityKind } from "../../src/model/vocabulary";
import type { Anchors } from "./ops";

/**
 * Synthetic knowledge graphs for scale runs, only ever loaded into the benchmark's own Neo4j. They
 * use the real kinds and relationship types (every relationship is checked against the vocabulary)
 * with the degree shape of the real graph grown large: a fixed set of districts and a slowly
 * growing set of industries and universities act as hubs (targets drawn from a Zipf law), while
 * projects, enterprises, people and carriers are many and sparsely linked. Generation is
 * deterministic and chunked, so a million entities never sit in memory as rows at once.
 */

const DOCUMENT_ID = "synthetic";
/** Entities per passage: each passage "mentions" this many entities, as a real paragraph would. */
const ENTITIES_PER_PASSAGE = 20;

const PLACES = [
  "成都",
  "天府",
  "锦江",
  "青羊",
  "金牛",
  "武侯",
  "成华",
  "龙泉",
  "双流",
  "郫都",
  "新都",
  "温江",
  "彭州",
  "邛崃",
  "崇州",
  "简阳",
  "都江堰",
  "蒲江",
  "大邑",
  "金堂",
  "新津",
  "高新",
  "青白江",
];
const FIELDS = [
  "电子信息",
  "轨道交通",
  "生物医药",
  "航空航天",
  "新材料",
  "节能环保",
  "汽车",
  "软件",
  "集成电路",
  "人工智能",
  "数字媒体",
  "现代农业",
  "精密机械",
  "新能源",
  "激光",
  "网络安全",
  "大数据",
  "物联网",
  "高端装备",
  "食品",
];
const SUFFIX: Readonly<Record<EntityKind, string>> = {
  University: "大学",
  ResearchInstitute: "研究院",
  Enterprise: "有限公司",
  GovernmentBody: "管理局",
  District: "区",
  Region: "地区",
  Industry: "产业",
  TechnologyRoadmap: "技术路线图",
  Project: "协同创新项目",
  Carrier: "产业园",
  Platform: "服务平台",
  Fund: "引导资金",
  Policy: "实施意见",
  Program: "专项工程",
  Mechanism: "合作机制",
  Person: "研究员",
  Event: "工作会议",
  CollectiveActor: "产业联盟",
  ChainSegment: "环节",
};

/** Share of the entities that are not fixed hubs; the order is the id order. */
const SHARES: readonly [EntityKind, number][] = [
  ["ResearchInstitute", 3],
  ["Enterprise", 25],
  ["Project", 22],
  ["Carrier", 8],
  ["Platform", 6],
  ["Person", 12],
  ["Event", 6],
  ["Program", 4],
  ["Policy", 3],
  ["Mechanism", 2],
  ["Fund", 1],
  ["TechnologyRoadmap", 1],
  ["CollectiveActor", 2],
];

export interface KindRange {
  readonly kind: EntityKind;
  readonly count: number;
  /** Global index of the first entity of this kind. */
  readonly start: number;
}

export interface SyntheticPlan {
  readonly total: number;
  readonly kinds: ReadonlyMap<EntityKind, KindRange>;
}

export function plan(total: number): SyntheticPlan {
  // Hubs grow slowly or not at all: Chengdu keeps its 23 districts however much is recorded.
  const fixed: [EntityKind, number][] = [
    ["District", PLACES.length],
    ["Region", 6],
    ["Industry", 16 + Math.floor(total / 5_000)],
    ["University", 8 + Math.floor(total / 1_000)],
    ["GovernmentBody", 15 + Math.floor(total / 2_000)],
  ];
  const rest = total - fixed.reduce((sum, [, n]) => sum + n, 0);
  const shareSum = SHARES.reduce((sum, [, s]) => sum + s, 0);
  const counts: [EntityKind, number][] = [
    ...fixed,
    ...SHARES.map(([kind, share]): [EntityKind, number] => [
      kind,
      Math.floor((rest * share) / shareSum),
    ]),
  ];
  // Rounding leftovers go to enterprises, the most numerous kind.
  const assigned = counts.reduce((sum, [, n]) => sum + n, 0);
  const enterprise = counts.find(([kind]) => kind === "Enterprise");
  if (enterprise !== undefined) enterprise[1] += total - assigned;
  const kinds = new Map<EntityKind, KindRange>();
  let start = 0;
  for (const [kind, count] of counts) {
    kinds.set(kind, { kind, count, start });
    start += count;
  }
  return { total, kinds };
}

function range(p: SyntheticPlan, kind: EntityKind): KindRange {
  const r = p.kinds.get(kind);
  if (r === undefined) throw new Error(`no ${kind} in plan`);
  return r;
}

function kindAt(p: SyntheticPlan, index: number): { kind: EntityKind; k: number } {
  for (const r of p.kinds.values()) {
    if (index >= r.start && index < r.start + r.count) return { kind: r.kind, k: index - r.start };
  }
  throw new Error(`index ${index} outside the plan`);
}

export function entityId(kind: EntityKind, k: number): string {
  return `syn-${kind.toLowerCase()}-${k}`;
}

export function entityName(kind: EntityKind, k: number): string {
  if (kind === "District") return `${PLACES[k % PLACES.length] ?? ""}区`;
  const place = PLACES[k % PLACES.length] ?? "";
  const field = FIELDS[Math.floor(k / PLACES.length) % FIELDS.length] ?? "";
  return `${place}${field}${SUFFIX[kind]}${k}`;
}

/** Deterministic per-entity randomness (mulberry32), so any chunk can be regenerated alone. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Zipf(s = 1) over n ranks: rank 0 is the biggest hub. */
function zipf(n: number): (u: number) => number {
  const cdf: number[] = [];
  let sum = 0;
  for (let i = 1; i <= n; i += 1) {
    sum += 1 / i;
    cdf.push(sum);
  }
  return (u) => {
    const target = u * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function passageOf(index: number): { id: string; start: number; end: number; text: string } {
  const p = Math.floor(index / ENTITIES_PER_PASSAGE);
  const text = `合成段落${p}`;
  const start = p * 100;
  return {
    id: `${DOCUMENT_ID}:${start}-${start + text.length}`,
    start,
    end: start + text.length,
    text,
  };
}

type Rel = SeedRows["relationships"][number];

/** Generates synthetic graphs of one size, chunk by chunk. */
export class SyntheticGraph {
  readonly plan: SyntheticPlan;
  private readonly pick: {
    district: (u: number) => number;
    industry: (u: number) => number;
    university: (u: number) => number;
    government: (u: number) => number;
    actor: (u: number) => number;
  };

  constructor(readonly total: number) {
    this.plan = plan(total);
    this.pick = {
      district: zipf(range(this.plan, "District").count),
      industry: zipf(range(this.plan, "Industry").count),
      university: zipf(range(this.plan, "University").count),
      government: zipf(range(this.plan, "GovernmentBody").count),
      actor: zipf(range(this.plan, "CollectiveActor").count),
    };
  }

  /** The nodes of entities [from, to): the document (first chunk), passages, entities, name forms. */
  nodes(from: number, to: number): SeedRows {
    const entities: SeedRows["entities"] = [];
    const nameForms: SeedRows["nameForms"] = [];
    const mentions: SeedRows["mentions"] = [];
    const passages: SeedRows["passages"] = [];
    for (let index = from; index < to; index += 1) {
      const { kind, k } = kindAt(this.plan, index);
      const id = entityId(kind, k);
      const name = entityName(kind, k);
      const nameEn = `${kind} ${k}`;
      const props: Props = {
        id,
        kind,
        name,
        nameEn,
        nameEnOfficial: false,
        nameInferred: false,
        aliases: [],
        description: null,
        aliasText: "",
      };
      entities.push({ id, kind, props });
      for (const key of new Set([normalizeName(name), normalizeName(nameEn)])) {
        nameForms.push({ key, entityId: id });
      }
      const passage = passageOf(index);
      if (index % ENTITIES_PER_PASSAGE === 0 || index === from) {
        passages.push({
          id: passage.id,
          documentId: DOCUMENT_ID,
          props: {
            id: passage.id,
            documentId: DOCUMENT_ID,
            start: passage.start,
            end: passage.end,
            text: passage.text,
          },
        });
      }
      mentions.push({ entityId: id, passageId: passage.id, kind: "curated" });
    }
    return {
      documents:
        from === 0
          ? [
              {
                id: DOCUMENT_ID,
                props: {
                  id: DOCUMENT_ID,
                  title: "synthetic",
                  file: "synthetic",
                  sha256: "",
                  language: "zh",
                },
              },
            ]
          : [],
      passages,
      entities,
      nameForms,
      mentions,
      facts: [],
      relationships: [],
    };
  }

  /**
   * The relationships owned by entities [from, to). Each type is generated on one side only, so
   * no pair is produced twice across chunks.
   */
  relationships(from: number, to: number): SeedRows {
    const relationships: Rel[] = [];
    for (let index = from; index < to; index += 1) {
      const { kind, k } = kindAt(this.plan, index);
      relationships.push(...this.owned(kind, k, index));
    }
    return {
      documents: [],
      passages: [],
      entities: [],
      nameForms: [],
      mentions: [],
      facts: [],
      relationships,
    };
  }

  private owned(kind: EntityKind, k: number, index: number): Rel[] {
    const random = rng(index * 2_654_435_761 + 17);
    const out: Rel[] = [];
    const seen = new Set<string>();
    const self = entityId(kind, k);
    const passage = passageOf(index);
    const any = (target: EntityKind): number =>
      Math.floor(random() * range(this.plan, target).count);
    const add = (
      source: string,
      type: string,
      target: string,
      sourceKind: EntityKind,
      targetKind: EntityKind,
    ): void => {
      const spec = relationSpec(type);
      if (spec === undefined || !spec.from.includes(sourceKind) || !spec.to.includes(targetKind)) {
        throw new Error(`${sourceKind} -${type}-> ${targetKind} is not in the vocabulary`);
      }
      const rel = { source, type, target };
      const id = relationshipId(rel);
      if (seen.has(id) || source === target) return;
      seen.add(id);
      out.push({
        ...rel,
        props: {
          id,
          evidence: [passage.id],
          quotes: [passage.text],
          evidenceKind: "explicit",
          confidence: 1,
          note: null,
        },
      });
    };
    /** self -type-> the targetKind entity numbered n. */
    const linkTo = (type: string, targetKind: EntityKind, n: number): void =>
      add(self, type, entityId(targetKind, n), kind, targetKind);
    /** The sourceKind entity numbered n -type-> self. */
    const linkFrom = (sourceKind: EntityKind, n: number, type: string): void =>
      add(entityId(sourceKind, n), type, self, sourceKind, kind);
    const chance = (p: number): boolean => random() < p;
    const district = (): number => this.pick.district(random());
    const industry = (): number => this.pick.industry(random());
    const university = (): number => this.pick.university(random());
    const government = (): number => this.pick.government(random());
    const actor = (): number => this.pick.actor(random());

    switch (kind) {
      case "Carrier": {
        const d = district();
        linkTo("LOCATED_IN", "District", d);
        if (chance(0.3)) linkFrom("District", d, "DEVELOPS");
        if (chance(0.7)) linkTo("FOCUSES_ON", "Industry", industry());
        if (chance(0.1)) linkTo("AFFILIATED_WITH", "University", university());
        break;
      }
      case "ResearchInstitute": {
        if (chance(0.6)) linkTo("AFFILIATED_WITH", "University", university());
        if (chance(0.5)) linkFrom("District", district(), "CO_BUILT");
        if (chance(0.4)) linkFrom("University", university(), "CO_BUILT");
        if (chance(0.8)) linkTo("FOCUSES_ON", "Industry", industry());
        break;
      }
      case "Project": {
        if (chance(0.9)) linkTo("FOCUSES_ON", "Industry", industry());
        const owner = random();
        if (owner < 0.6) linkTo("BELONGS_TO", "Enterprise", any("Enterprise"));
        else if (owner < 0.8) linkTo("BELONGS_TO", "University", university());
        else linkTo("BELONGS_TO", "ResearchInstitute", any("ResearchInstitute"));
        if (chance(0.3)) linkFrom("CollectiveActor", actor(), "LEADS");
        if (chance(0.3)) linkFrom("CollectiveActor", any("CollectiveActor"), "PARTICIPATES_IN");
        if (chance(0.2)) linkTo("RELIES_ON", "TechnologyRoadmap", any("TechnologyRoadmap"));
        if (chance(0.2)) linkFrom("Program", any("Program"), "DELIVERS");
        if (chance(0.1)) linkTo("ADOPTS", "Mechanism", any("Mechanism"));
        break;
      }
      case "Platform": {
        const owner = random();
        if (owner < 0.4) linkTo("BELONGS_TO", "University", university());
        else if (owner < 0.6) linkTo("BELONGS_TO", "ResearchInstitute", any("ResearchInstitute"));
        else if (owner < 0.8) linkTo("BELONGS_TO", "Enterprise", any("Enterprise"));
        if (chance(0.3)) linkTo("TARGETS", "CollectiveActor", any("CollectiveActor"));
        if (chance(0.1)) linkFrom("District", district(), "CO_BUILT");
        break;
      }
      case "Person": {
        if (chance(0.6)) linkTo("HOLDS_POSITION", "GovernmentBody", government());
        if (chance(0.5)) linkTo("PARTICIPATES_IN", "Event", any("Event"));
        if (chance(0.1)) linkTo("VISITED", "University", university());
        break;
      }
      case "Event": {
        if (chance(0.6)) linkTo("LOCATED_IN", "District", district());
        else if (chance(0.5)) linkTo("LOCATED_IN", "University", university());
        if (chance(0.5)) linkFrom("GovernmentBody", government(), "ORGANIZED");
        if (chance(0.3)) linkTo("FOCUSES_ON", "Industry", industry());
        break;
      }
      case "Program": {
        if (chance(0.3)) linkTo("PART_OF", "Program", any("Program"));
        if (chance(0.5)) linkTo("ISSUED_BY", "GovernmentBody", government());
        if (chance(0.2)) linkTo("DELIVERS", "Platform", any("Platform"));
        break;
      }
      case "Policy": {
        linkTo("ISSUED_BY", "GovernmentBody", government());
        if (chance(0.3)) linkTo("PART_OF", "Policy", any("Policy"));
        if (chance(0.4)) linkTo("SUPPORTS", "Industry", industry());
        break;
      }
      case "Mechanism": {
        if (chance(0.5)) linkFrom("GovernmentBody", government(), "CO_BUILT");
        break;
      }
      case "Fund": {
        linkTo("FUNDS", "CollectiveActor", actor());
        if (chance(0.3)) linkTo("PART_OF", "Platform", any("Platform"));
        break;
      }
      case "TechnologyRoadmap": {
        linkTo("ROADMAP_FOR", "Industry", industry());
        break;
      }
      case "Enterprise": {
        if (chance(0.1)) linkTo("TARGETS", "CollectiveActor", any("CollectiveActor"));
        break;
      }
      case "Industry": {
        // An industrial chain: each industry supplies one of the bigger ones.
        if (k > 0) linkTo("UPSTREAM_OF", "Industry", Math.floor(random() * k));
        break;
      }
      case "District":
      case "Region":
      case "University":
      case "GovernmentBody":
      case "CollectiveActor":
        break;
    }
    return out;
  }

  /**
   * Where id-anchored operations start: `hub` on the biggest district, industry and university
   * (Zipf rank 0), `typical` on median-ranked ones and an ordinary project or institute.
   */
  anchors(): { hub: Anchors; typical: Anchors } {
    const mid = (kind: EntityKind): number => Math.floor(range(this.plan, kind).count / 2);
    const ri = mid("ResearchInstitute");
    const common = {
      resolveName: entityName("ResearchInstitute", ri),
      searchQuery: `${FIELDS[0] ?? ""}研究院`,
    };
    return {
      hub: {
        ...common,
        districtId: entityId("District", 0),
        neighborhoodId: entityId("District", 0),
        pathFrom: entityId("University", 0),
        pathTo: entityId("District", 0),
        industryId: entityId("Industry", 0),
      },
      typical: {
        ...common,
        districtId: entityId("District", mid("District")),
        neighborhoodId: entityId("Project", mid("Project")),
        pathFrom: entityId("ResearchInstitute", ri),
        pathTo: entityId("District", mid("District")),
        industryId: entityId("Industry", mid("Industry")),
      },
    };
  }
}
