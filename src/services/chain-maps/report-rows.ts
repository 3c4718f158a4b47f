import { CHAIN_POSITION_ZH, SEGMENT_ROLE_ZH, type SegmentRole } from "../../model/chain-map";
import type { CitationRecord } from "../../model/records";
import {
  CHAIN_GAP_LABELS,
  CHAIN_STAGE_LABELS,
  CHAIN_STAGES,
  type ChainGap,
  type ChainMapRecord,
  type ChainSegmentRecord,
  type DistrictComparisonRecord,
  type SegmentMemberRecord,
} from "./chain-map.service";

/**
 * The rows of an industry's chain report, built once for the HTML page, the XLSX workbook and the
 * CSV file (src/http/report.ts), so the three cannot say different things: one row per (segment,
 * member) in chain order, members in the order chainMap gives them; a segment without members
 * gives one row with empty member columns, so its gaps still show.
 */

/** The chain sheet's columns, in order; headers are `key 中文`, as the import format writes them. */
export const REPORT_COLUMNS = [
  { key: "position", zh: "位置" },
  { key: "segment", zh: "环节" },
  { key: "stage", zh: "资源类别" },
  { key: "member", zh: "主体" },
  { key: "kind", zh: "类型" },
  { key: "role", zh: "角色" },
  { key: "districts", zh: "所在区县" },
  { key: "gaps", zh: "环节缺口" },
  { key: "source", zh: "来源" },
  { key: "issuer", zh: "发布机构" },
  { key: "date", zh: "日期" },
  { key: "location", zh: "网址或文件" },
  { key: "page", zh: "页码" },
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number]["key"];

/** Joins the values of a multi-valued cell (districts, gaps), as the import format splits them. */
export const LIST_SEPARATOR = "；";

export interface ChainReportRow {
  /** The segment the row is in (for grouping; the same object as in the chain map). */
  readonly segment: ChainSegmentRecord;
  /** Null for the one row of a segment without members. */
  readonly member: SegmentMemberRecord | null;
  /** What states the row: the member's citation, or the segment's on a segment's own row. */
  readonly citation: CitationRecord | null;
  /** The row's text, column by column: what every format shows. */
  readonly cells: Readonly<Record<ReportColumn, string>>;
}

/** The Chinese label of a role key; the key itself for an unknown one, "" for none. */
export function roleText(role: string | null): string {
  if (role === null) return "";
  return SEGMENT_ROLE_ZH[role as SegmentRole] ?? role;
}

/** The Chinese labels of gaps, joined. */
export function gapsText(gaps: readonly ChainGap[]): string {
  return gaps.map((gap) => CHAIN_GAP_LABELS[gap].zh).join(LIST_SEPARATOR);
}

function citationCells(citation: CitationRecord | null) {
  return {
    source: citation?.title ?? "",
    issuer: citation?.issuer ?? "",
    date: citation?.date ?? "",
    location: citation?.location ?? "",
    page: citation?.page ?? "",
  };
}

/** The chain report's rows: segments in chain order, each member once per segment it is in. */
export function chainReportRows(map: ChainMapRecord): ChainReportRow[] {
  return map.segments.flatMap((segment): ChainReportRow[] => {
    const common = {
      position: CHAIN_POSITION_ZH[segment.position],
      segment: segment.segment.name,
      gaps: gapsText(segment.gaps),
    };
    if (segment.members.length === 0) {
      return [
        {
          segment,
          member: null,
          citation: segment.citation,
          cells: {
            ...common,
            stage: "",
            member: "",
            kind: "",
            role: "",
            districts: "",
            ...citationCells(segment.citation),
          },
        },
      ];
    }
    return segment.members.map((member) => ({
      segment,
      member,
      citation: member.citation,
      cells: {
        ...common,
        stage: CHAIN_STAGE_LABELS[member.stage].zh,
        member: member.entity.name,
        kind: member.entity.kind,
        role: roleText(member.role),
        districts: member.districts.map((district) => district.name).join(LIST_SEPARATOR),
        ...citationCells(member.citation),
      },
    }));
  });
}

/** The header row of the chain sheet and the CSV file. */
export function reportHeader(): string[] {
  return REPORT_COLUMNS.map((column) => `${column.key} ${column.zh}`);
}

/** A row's cells in column order. */
export function rowValues(row: ChainReportRow): string[] {
  return REPORT_COLUMNS.map((column) => row.cells[column.key]);
}

export interface GapSummaryRow {
  readonly gap: ChainGap;
  readonly zh: string;
  readonly en: string;
  /** The segments with the gap, in chain order. */
  readonly segments: readonly string[];
}

/** One row per kind of gap, every kind listed (with no segments when none has it). */
export function gapSummaryRows(map: ChainMapRecord): GapSummaryRow[] {
  return map.gaps.map((summary) => ({
    gap: summary.gap,
    zh: CHAIN_GAP_LABELS[summary.gap].zh,
    en: CHAIN_GAP_LABELS[summary.gap].en,
    segments: summary.segments.map((segment) => segment.name),
  }));
}

/** The gaps sheet's header. */
export const GAP_HEADER = [
  "gap 缺口",
  "label 中文",
  "label_en 说明",
  "segments 环节",
  "count 数量",
];

export function gapValues(row: GapSummaryRow): (string | number)[] {
  return [row.gap, row.zh, row.en, row.segments.join(LIST_SEPARATOR), row.segments.length];
}

/** What a district row says for members the chain map gives no district. */
export const NO_DISTRICT = { zh: "未注明区县", en: "no district given" } as const;

export interface DistrictReportRow {
  /** The district's name; null for members without one. */
  readonly district: string | null;
  /** Members per stage, in CHAIN_STAGES order. */
  readonly counts: readonly number[];
  readonly total: number;
}

/** Per district (most members first; those without a district last): counts by stage and total. */
export function districtReportRows(comparison: DistrictComparisonRecord): DistrictReportRow[] {
  return comparison.districts.map((row) => ({
    district: row.district?.name ?? null,
    counts: CHAIN_STAGES.map(
      (stage) => row.byStage.find((count) => count.stage === stage)?.count ?? 0,
    ),
    total: row.total,
  }));
}

/** The districts sheet's header. */
export function districtHeader(): string[] {
  return [
    "district 区县",
    ...CHAIN_STAGES.map((stage) => `${stage} ${CHAIN_STAGE_LABELS[stage].zh}`),
    "total 合计",
  ];
}

export function districtValues(row: DistrictReportRow): (string | number)[] {
  return [row.district ?? NO_DISTRICT.zh, ...row.counts, row.total];
}
