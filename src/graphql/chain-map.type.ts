import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CHAIN_POSITION_ZH, SEGMENT_ROLE_ZH, type SegmentRole } from "../model/chain-map";
import {
  CHAIN_GAP_LABELS,
  CHAIN_STAGE_LABELS,
  type ChainGap as ChainGapValue,
  type ChainStage as ChainStageValue,
} from "../services/chain-maps/chain-map.service";
import { Citation, EvidenceKind } from "./common.type";
import { EntityInterface } from "./entity.type";

export enum ChainPosition {
  upstream = "upstream",
  midstream = "midstream",
  downstream = "downstream",
  service = "service",
}
registerEnumType(ChainPosition, {
  name: "ChainPosition",
  description: "Where a segment sits in its chain (环节位置).",
  valuesConfig: Object.fromEntries(
    Object.entries(CHAIN_POSITION_ZH).map(([key, zh]) => [key, { description: zh }]),
  ),
});

export enum ResourceStage {
  enterprises = "enterprises",
  research = "research",
  carriers = "carriers",
  support = "support",
}
registerEnumType(ResourceStage, {
  name: "ResourceStage",
  description: "The group a segment's member counts in, by its kind (资源类别).",
  valuesConfig: Object.fromEntries(
    Object.entries(CHAIN_STAGE_LABELS).map(([key, label]) => [
      key,
      { description: `${label.en} (${label.zh})` },
    ]),
  ),
});

export enum ChainGap {
  NO_LOCAL_ENTERPRISE = "NO_LOCAL_ENTERPRISE",
  NO_RESEARCH = "NO_RESEARCH",
  NO_SUPPORT = "NO_SUPPORT",
}
registerEnumType(ChainGap, {
  name: "ChainGap",
  description: "What a segment lacks (环节缺口).",
  valuesConfig: Object.fromEntries(
    Object.entries(CHAIN_GAP_LABELS).map(([key, label]) => [
      key,
      { description: `${label.en} (${label.zh})` },
    ]),
  ),
});

export enum SupplyDirection {
  UPSTREAM = "UPSTREAM",
  DOWNSTREAM = "DOWNSTREAM",
}
registerEnumType(SupplyDirection, {
  name: "SupplyDirection",
  description: "Which way a supply chain is traced (追溯方向).",
  valuesConfig: {
    UPSTREAM: { description: "What supplies it (上游)." },
    DOWNSTREAM: { description: "What it supplies (下游)." },
  },
});

/** The Chinese label of a role key, or null for none. */
export function roleLabel(role: string | null): string | null {
  return role === null ? null : (SEGMENT_ROLE_ZH[role as SegmentRole] ?? null);
}

@ObjectType({
  description:
    "An organisation or resource in a chain segment, with its role and districts, and the chain map row that states it (环节主体).",
})
export class SegmentMember {
  @Field(() => EntityInterface, { description: "The organisation or resource (主体)." })
  entity!: EntityInterface;

  @Field(() => String, {
    nullable: true,
    description:
      "Its role: chain-leader, supplier, research, platform, carrier, project, fund or policy (角色).",
  })
  role?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The role in Chinese, e.g. 链主企业 (角色).",
  })
  roleZh?: string | null;

  @Field(() => ResourceStage, { description: "The group it counts in, by its kind (资源类别)." })
  stage!: ChainStageValue;

  @Field(() => [EntityInterface], { description: "Districts it is located in (所在区县)." })
  districts!: EntityInterface[];

  @Field(() => EvidenceKind, {
    description: "Always imported: chain maps state these links, not the documents (证据类型).",
  })
  evidenceKind!: EvidenceKind;

  @Field(() => Citation, { nullable: true, description: "The source its row cites (导入来源)." })
  citation?: Citation | null;
}

@ObjectType({ description: "A segment of an industry's chain with its resources and gaps (环节)." })
export class ChainMapSegment {
  @Field(() => EntityInterface, { description: "The segment (ChainSegment) (环节)." })
  segment!: EntityInterface;

  @Field(() => ChainPosition, { description: "Its place in the chain (位置)." })
  position!: ChainPosition;

  @Field(() => EntityInterface, { nullable: true, description: "The larger segment (上级环节)." })
  parent?: EntityInterface | null;

  @Field(() => [EntityInterface], { description: "Segments it supplies (下游环节)." })
  supplies!: EntityInterface[];

  @Field(() => [EntityInterface], { description: "Segments that supply it (上游环节)." })
  suppliedBy!: EntityInterface[];

  /** Every member; the `members` field gives a page of them (src/graphql/chain-map.resolver.ts). */
  allMembers!: SegmentMember[];

  @Field(() => [ChainGap], { description: "What it lacks; empty when nothing (缺口)." })
  gaps!: ChainGapValue[];

  @Field(() => Citation, {
    nullable: true,
    description: "The source the segment's row cites (导入来源).",
  })
  citation?: Citation | null;
}

@ObjectType({ description: "The segments that share one gap (缺口汇总)." })
export class ChainGapSummary {
  @Field(() => ChainGap)
  gap!: ChainGapValue;

  @Field(() => String, { description: "What the gap means (说明)." })
  label!: string;

  @Field(() => String, { description: "Its Chinese label (中文)." })
  labelZh!: string;

  @Field(() => [EntityInterface], { description: "The segments with it, in chain order (环节)." })
  segments!: EntityInterface[];
}

@ObjectType({ description: "Where to read or download an industry's chain report (链图报告)." })
export class ChainReportLinks {
  @Field(() => String, { description: "Printable HTML report (网页报告)." })
  html!: string;

  @Field(() => String, { description: "The same rows as an XLSX workbook (表格下载)." })
  xlsx!: string;

  @Field(() => String, { description: "The same rows as CSV (CSV下载)." })
  csv!: string;
}

@ObjectType({
  description:
    "围绕产业链部署创新链: an industry's chain map segment by segment, with the innovation resources of each and the gaps; from imported chain maps (产业链图谱).",
})
export class ChainMapView {
  @Field(() => EntityInterface, { description: "The industry (产业)." })
  industry!: EntityInterface;

  @Field(() => Boolean, {
    description:
      "False when no chain map is loaded for the industry: then segments and gaps are empty and note says why (有无链图数据).",
  })
  dataAvailable!: boolean;

  @Field(() => String, { nullable: true, description: "Why there is nothing, when so (说明)." })
  note?: string | null;

  @Field(() => [ChainMapSegment], {
    description: "Upstream to downstream, then service segments (环节).",
  })
  segments!: ChainMapSegment[];

  @Field(() => [ChainGapSummary], { description: "Each gap with its segments (缺口)." })
  gaps!: ChainGapSummary[];

  @Field(() => ChainReportLinks, { description: "The report and downloads (报告与下载)." })
  report!: ChainReportLinks;
}

@ObjectType({ description: "A segment reached tracing a supply chain (追溯步骤)." })
export class SupplyStep {
  @Field(() => Int, { description: "Hops from the start (层级)." })
  depth!: number;

  @Field(() => ChainMapSegment, { description: "The segment (环节)." })
  segment!: ChainMapSegment;

  @Field(() => [SegmentMember], {
    description: "Its members; only those in the district asked for, when one is (主体).",
  })
  members!: SegmentMember[];
}

@ObjectType({ description: "A supply chain traced from a segment or an industry (供应链追溯)." })
export class SupplyTrace {
  @Field(() => EntityInterface, { description: "Where the trace starts (起点)." })
  start!: EntityInterface;

  @Field(() => EntityInterface, { description: "The industry whose chain it is (产业)." })
  industry!: EntityInterface;

  @Field(() => SupplyDirection)
  direction!: SupplyDirection;

  @Field(() => Boolean, { description: "False when no chain map is loaded (有无链图数据)." })
  dataAvailable!: boolean;

  @Field(() => String, { nullable: true, description: "Why there is nothing, when so (说明)." })
  note?: string | null;

  @Field(() => [SupplyStep], { description: "Nearest first (步骤)." })
  steps!: SupplyStep[];
}

@ObjectType({ description: "How many members of a stage (分类计数)." })
export class StageCount {
  @Field(() => ResourceStage)
  stage!: ChainStageValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "How many members of a segment (环节计数)." })
export class SegmentCount {
  @Field(() => EntityInterface)
  segment!: EntityInterface;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One district's part in an industry's chain (区县对比)." })
export class DistrictChainRow {
  @Field(() => EntityInterface, {
    nullable: true,
    description: "The district; null for members the chain map gives no district (区县).",
  })
  district?: EntityInterface | null;

  @Field(() => Int, { description: "Members located there (主体数)." })
  total!: number;

  @Field(() => [StageCount], { description: "By stage, every stage listed (按类别)." })
  byStage!: StageCount[];

  @Field(() => [SegmentCount], {
    description: "By segment, in chain order, those with members (按环节).",
  })
  bySegment!: SegmentCount[];
}

@ObjectType({ description: "Districts compared on an industry's chain (区县对比)." })
export class DistrictComparison {
  @Field(() => EntityInterface)
  industry!: EntityInterface;

  @Field(() => Boolean, { description: "False when no chain map is loaded (有无链图数据)." })
  dataAvailable!: boolean;

  @Field(() => String, { nullable: true, description: "Why there is nothing, when so (说明)." })
  note?: string | null;

  @Field(() => [DistrictChainRow], {
    description: "Most members first; members without a district last (区县).",
  })
  districts!: DistrictChainRow[];
}

/** Where a chain-map query starts: an industry by id or name. */
@ArgsType()
export class IndustryArgs {
  @Field(() => ID, { nullable: true, description: "An Industry id (产业标识)." })
  industryId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Or its name, as resolve takes names, e.g. 汽车 (产业名称).",
  })
  industry?: string | null;
}
