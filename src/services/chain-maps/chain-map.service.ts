import { BadUserInputError, NotFoundError } from "../../errors";
import { CHAIN_POSITIONS, type ChainPosition } from "../../model/chain-map";
import type { CitationRecord, EntityRecord } from "../../model/records";
import type { EntityKind } from "../../model/vocabulary";
import type {
  ChainMapReadRepository,
  StoredChainMap,
  StoredMember,
  StoredSegment,
} from "../../repositories/chain-map.repository";
import { checkRange } from "../arguments";

/**
 * 围绕产业链部署创新链, read from the chain maps planners import: an industry's chain segment by
 * segment with the innovation resources in each, the gaps, the supply chain traced up or down, and
 * districts compared. Everything comes from one read of the industry's chain map; an industry
 * without one says so (`dataAvailable: false` and a note), never an empty list alone.
 */

/** The stages resources are grouped in, by the kind of the member. */
export const CHAIN_STAGES = ["enterprises", "research", "carriers", "support"] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export const CHAIN_STAGE_LABELS: Readonly<Record<ChainStage, { en: string; zh: string }>> = {
  enterprises: { en: "Enterprises", zh: "企业" },
  research: { en: "Universities, institutes and platforms", zh: "高校院所与平台" },
  carriers: { en: "Parks and carriers", zh: "载体园区" },
  support: { en: "Projects, funds and policies", zh: "项目、基金与政策" },
};

const STAGE_OF_KIND: Partial<Readonly<Record<EntityKind, ChainStage>>> = {
  Enterprise: "enterprises",
  University: "research",
  ResearchInstitute: "research",
  Platform: "research",
  Carrier: "carriers",
  Project: "support",
  Fund: "support",
  Policy: "support",
  Program: "support",
};

/** The stage a member counts in; another kind (a class of actors) counts with enterprises. */
export function stageOf(kind: EntityKind): ChainStage {
  return STAGE_OF_KIND[kind] ?? "enterprises";
}

/** What a segment lacks (缺口). */
export const CHAIN_GAPS = ["NO_LOCAL_ENTERPRISE", "NO_RESEARCH", "NO_SUPPORT"] as const;
export type ChainGap = (typeof CHAIN_GAPS)[number];

export const CHAIN_GAP_LABELS: Readonly<Record<ChainGap, { en: string; zh: string }>> = {
  NO_LOCAL_ENTERPRISE: {
    en: "No local enterprise: no enterprise with a district in the segment",
    zh: "缺本地企业",
  },
  NO_RESEARCH: {
    en: "No university, institute or platform serves the segment",
    zh: "缺高校院所与平台支撑",
  },
  NO_SUPPORT: {
    en: "No project, fund or policy supports the segment",
    zh: "缺项目、基金与政策支持",
  },
};

export interface SegmentMemberRecord {
  readonly entity: EntityRecord;
  readonly role: string | null;
  readonly stage: ChainStage;
  readonly districts: readonly EntityRecord[];
  readonly citation: CitationRecord | null;
}

export interface ChainSegmentRecord {
  readonly segment: EntityRecord;
  readonly position: ChainPosition;
  readonly parent: EntityRecord | null;
  readonly supplies: readonly EntityRecord[];
  readonly suppliedBy: readonly EntityRecord[];
  readonly members: readonly SegmentMemberRecord[];
  readonly gaps: readonly ChainGap[];
  readonly citation: CitationRecord | null;
}

export interface GapSummaryRecord {
  readonly gap: ChainGap;
  readonly segments: readonly EntityRecord[];
}

export interface ChainMapRecord {
  readonly industry: EntityRecord;
  readonly dataAvailable: boolean;
  readonly note: string | null;
  /** Upstream to downstream, then service; within a position, in supply order, then by name. */
  readonly segments: readonly ChainSegmentRecord[];
  readonly gaps: readonly GapSummaryRecord[];
}

export type SupplyDirection = "UPSTREAM" | "DOWNSTREAM";

export interface SupplyStepRecord {
  readonly depth: number;
  readonly segment: ChainSegmentRecord;
  /** Its members, only those in the district asked for when one is. */
  readonly members: readonly SegmentMemberRecord[];
}

export interface SupplyTraceRecord {
  readonly start: EntityRecord;
  readonly industry: EntityRecord;
  readonly direction: SupplyDirection;
  readonly dataAvailable: boolean;
  readonly note: string | null;
  readonly steps: readonly SupplyStepRecord[];
}

export interface StageCountRecord {
  readonly stage: ChainStage;
  readonly count: number;
}

export interface SegmentCountRecord {
  readonly segment: EntityRecord;
  readonly count: number;
}

export interface DistrictRowRecord {
  /** Null: members the chain map gives no district for. */
  readonly district: EntityRecord | null;
  readonly total: number;
  readonly byStage: readonly StageCountRecord[];
  readonly bySegment: readonly SegmentCountRecord[];
}

export interface DistrictComparisonRecord {
  readonly industry: EntityRecord;
  readonly dataAvailable: boolean;
  readonly note: string | null;
  readonly districts: readonly DistrictRowRecord[];
}

export const MAX_SUPPLY_DEPTH = 10;

const positionIndex = (position: string | null): number => {
  const index = CHAIN_POSITIONS.indexOf(position as ChainPosition);
  return index < 0 ? CHAIN_POSITIONS.length : index;
};

function noChainMap(industry: EntityRecord): string {
  return `No chain map is loaded for ${industry.name}: its segments, suppliers and gaps come from an imported chain map (npm run import, docs/chain-maps.md); the documents state none.`;
}

export class ChainMapService {
  constructor(private readonly repo: ChainMapReadRepository) {}

  /** An industry's chain map, segment by segment, with its resources and gaps. */
  async chainMap(industryId: string): Promise<ChainMapRecord> {
    const stored = await this.read(industryId);
    return this.view(stored.industry, stored);
  }

  /**
   * The supply chain from a segment, or from an industry's chain ends: upstream, the segments that
   * supply it (depth 1), those that supply them (2)…; downstream, what it supplies. From an
   * industry, depth 1 is its chain's last segments (upstream) or first (downstream). With a
   * district, each step lists only the members located there.
   */
  async supplyChain(
    startId: string,
    direction: SupplyDirection,
    depth: number,
    district: string | null,
  ): Promise<SupplyTraceRecord> {
    checkRange("depth", depth, 1, MAX_SUPPLY_DEPTH);
    const industryId = await this.industryIdOf(startId);
    const stored = await this.repo.chainMap(industryId ?? startId);
    if (stored.industry === null) throw new NotFoundError(`no entity with id ${startId}`);
    if (industryId === null && stored.industry.kind !== "Industry")
      throw new BadUserInputError(
        `${stored.industry.name} is a ${stored.industry.kind}, not an industry or a chain segment`,
        "id",
      );
    const view = this.view(stored.industry, stored);
    const start =
      startId === stored.industry.id
        ? stored.industry
        : (stored.segments.find((s) => s.segment.id === startId)?.segment ?? stored.industry);
    const base = {
      start,
      industry: view.industry,
      direction,
      dataAvailable: view.dataAvailable,
      note: view.note,
    };
    if (!view.dataAvailable) return { ...base, steps: [] };
    const steps = walk(view.segments, start.id, direction, depth).map(({ segment, depth: d }) => ({
      depth: d,
      segment,
      members:
        district === null
          ? segment.members
          : segment.members.filter((member) =>
              member.districts.some((place) => place.id === district),
            ),
    }));
    return { ...base, steps };
  }

  /** Per district: how many members the industry's chain has there, by stage and by segment. */
  async districtComparison(industryId: string): Promise<DistrictComparisonRecord> {
    const stored = await this.read(industryId);
    const view = this.view(stored.industry, stored);
    const rows = new Map<
      string,
      {
        district: EntityRecord | null;
        members: Set<string>;
        stages: Map<ChainStage, Set<string>>;
        segments: Map<string, { segment: EntityRecord; members: Set<string> }>;
      }
    >();
    for (const segment of view.segments) {
      for (const member of segment.members) {
        const places = member.districts.length === 0 ? [null] : member.districts;
        for (const place of places) {
          const key = place?.id ?? "";
          let row = rows.get(key);
          if (row === undefined) {
            row = { district: place, members: new Set(), stages: new Map(), segments: new Map() };
            rows.set(key, row);
          }
          row.members.add(member.entity.id);
          const stage = row.stages.get(member.stage) ?? new Set<string>();
          stage.add(member.entity.id);
          row.stages.set(member.stage, stage);
          const bucket = row.segments.get(segment.segment.id) ?? {
            segment: segment.segment,
            members: new Set<string>(),
          };
          bucket.members.add(member.entity.id);
          row.segments.set(segment.segment.id, bucket);
        }
      }
    }
    const order = new Map(view.segments.map((segment, index) => [segment.segment.id, index]));
    const districts = [...rows.values()]
      .map((row) => ({
        district: row.district,
        total: row.members.size,
        byStage: CHAIN_STAGES.map((stage) => ({
          stage,
          count: row.stages.get(stage)?.size ?? 0,
        })),
        bySegment: [...row.segments.values()]
          .sort((a, b) => (order.get(a.segment.id) ?? 0) - (order.get(b.segment.id) ?? 0))
          .map(({ segment, members }) => ({ segment, count: members.size })),
      }))
      .sort(
        (a, b) =>
          Number(a.district === null) - Number(b.district === null) ||
          b.total - a.total ||
          (a.district?.name ?? "").localeCompare(b.district?.name ?? ""),
      );
    return {
      industry: view.industry,
      dataAvailable: view.dataAvailable,
      note: view.note,
      districts,
    };
  }

  /** The industry a start is or belongs to: itself when it is one, a segment's industry, else null. */
  private async industryIdOf(startId: string): Promise<string | null> {
    return this.repo.industryOf(startId);
  }

  private async read(industryId: string): Promise<StoredChainMap & { industry: EntityRecord }> {
    const stored = await this.repo.chainMap(industryId);
    if (stored.industry === null) throw new NotFoundError(`no entity with id ${industryId}`);
    if (stored.industry.kind !== "Industry")
      throw new BadUserInputError(
        `${stored.industry.name} is a ${stored.industry.kind}, not an Industry`,
        "industry",
      );
    return { ...stored, industry: stored.industry };
  }

  private view(industry: EntityRecord, stored: StoredChainMap): ChainMapRecord {
    if (stored.segments.length === 0)
      return { industry, dataAvailable: false, note: noChainMap(industry), segments: [], gaps: [] };
    const byId = new Map(stored.segments.map((segment) => [segment.segment.id, segment]));
    const suppliedBy = new Map<string, EntityRecord[]>();
    for (const segment of stored.segments)
      for (const target of segment.supplies)
        suppliedBy.set(target, [...(suppliedBy.get(target) ?? []), segment.segment]);
    const rank = supplyRank(stored.segments);
    const segments = [...stored.segments]
      .sort(
        (a, b) =>
          positionIndex(a.segment.chainPosition) - positionIndex(b.segment.chainPosition) ||
          (rank.get(a.segment.id) ?? 0) - (rank.get(b.segment.id) ?? 0) ||
          a.segment.name.localeCompare(b.segment.name),
      )
      .map((segment) => toSegment(segment, byId, suppliedBy.get(segment.segment.id) ?? []));
    const gaps = CHAIN_GAPS.map((gap) => ({
      gap,
      segments: segments.filter((s) => s.gaps.includes(gap)).map((s) => s.segment),
    }));
    return { industry, dataAvailable: true, note: null, segments, gaps };
  }
}

function toMember(member: StoredMember): SegmentMemberRecord {
  return { ...member, stage: stageOf(member.entity.kind) };
}

function toSegment(
  stored: StoredSegment,
  byId: ReadonlyMap<string, StoredSegment>,
  suppliedBy: readonly EntityRecord[],
): ChainSegmentRecord {
  const members = stored.members.map(toMember);
  const gaps: ChainGap[] = [];
  if (!members.some((m) => m.entity.kind === "Enterprise" && m.districts.length > 0))
    gaps.push("NO_LOCAL_ENTERPRISE");
  if (!members.some((m) => m.stage === "research")) gaps.push("NO_RESEARCH");
  if (!members.some((m) => m.stage === "support")) gaps.push("NO_SUPPORT");
  const position = stored.segment.chainPosition as ChainPosition | null;
  return {
    segment: stored.segment,
    position: position !== null && CHAIN_POSITIONS.includes(position) ? position : "midstream",
    parent: stored.parent === null ? null : (byId.get(stored.parent)?.segment ?? null),
    supplies: stored.supplies.flatMap((id) => {
      const target = byId.get(id);
      return target === undefined ? [] : [target.segment];
    }),
    suppliedBy: [...suppliedBy].sort((a, b) => a.name.localeCompare(b.name)),
    members,
    gaps,
    citation: stored.citation,
  };
}

/** Each segment's distance from its chain's start (segments nothing supplies), for ordering. */
function supplyRank(segments: readonly StoredSegment[]): Map<string, number> {
  const supplied = new Set(segments.flatMap((segment) => segment.supplies));
  const rank = new Map<string, number>();
  let level = segments.filter((s) => !supplied.has(s.segment.id)).map((s) => s.segment.id);
  const byId = new Map(segments.map((segment) => [segment.segment.id, segment]));
  for (let depth = 0; level.length > 0 && depth <= segments.length; depth += 1) {
    const next: string[] = [];
    for (const id of level) {
      if (rank.has(id)) continue;
      rank.set(id, depth);
      next.push(...(byId.get(id)?.supplies ?? []));
    }
    level = next;
  }
  return rank;
}

/**
 * The segments `depth` steps from a start, breadth first, each once at its nearest depth. From a
 * segment, step 1 is the segments supplying it (UPSTREAM) or that it supplies (DOWNSTREAM); from
 * the industry, step 1 is the chain's end on that side's opposite: the segments supplying nothing
 * (UPSTREAM: the last) or supplied by nothing (DOWNSTREAM: the first).
 */
function walk(
  segments: readonly ChainSegmentRecord[],
  startId: string,
  direction: SupplyDirection,
  depth: number,
): { segment: ChainSegmentRecord; depth: number }[] {
  const byId = new Map(segments.map((segment) => [segment.segment.id, segment]));
  const nextOf = (segment: ChainSegmentRecord): readonly EntityRecord[] =>
    direction === "UPSTREAM" ? segment.suppliedBy : segment.supplies;
  const start = byId.get(startId);
  let level: ChainSegmentRecord[] =
    start !== undefined
      ? nextOf(start).flatMap((entity) => byId.get(entity.id) ?? [])
      : segments.filter((segment) =>
          direction === "UPSTREAM"
            ? segment.supplies.length === 0
            : segment.suppliedBy.length === 0,
        );
  const seen = new Set<string>([startId]);
  const steps: { segment: ChainSegmentRecord; depth: number }[] = [];
  for (let d = 1; d <= depth && level.length > 0; d += 1) {
    const next: ChainSegmentRecord[] = [];
    for (const segment of level) {
      if (seen.has(segment.segment.id)) continue;
      seen.add(segment.segment.id);
      steps.push({ segment, depth: d });
      next.push(...nextOf(segment).flatMap((entity) => byId.get(entity.id) ?? []));
    }
    level = next;
  }
  return steps;
}
