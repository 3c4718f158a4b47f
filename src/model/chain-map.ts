import type { EntityKind } from "./vocabulary";

/**
 * A chain map (产业链图谱 / 清单): what planners keep for each key industrial chain, its segments
 * from upstream to downstream and, for each segment, the organisations and other resources in it.
 * It comes from a workbook (XLSX, one sheet per table) or a folder of CSV files (one file per
 * table), parsed by src/services/chain-maps/parse.ts and written through the importer; docs/chain-maps.md is
 * the format's reference. Every row names its source: imported facts are evidence of their own
 * kind ("imported"), apart from document quotes and inferred links.
 */

/** The tables of a chain map, by sheet (or CSV file) name. */
export const CHAIN_MAP_SHEETS = ["sources", "segments", "members", "links"] as const;
export type ChainMapSheet = (typeof CHAIN_MAP_SHEETS)[number];

/** Where a segment sits in its chain (环节位置). */
export const CHAIN_POSITIONS = ["upstream", "midstream", "downstream", "service"] as const;
export type ChainPosition = (typeof CHAIN_POSITIONS)[number];

export const CHAIN_POSITION_ZH: Readonly<Record<ChainPosition, string>> = {
  upstream: "上游",
  midstream: "中游",
  downstream: "下游",
  service: "配套服务",
};

/** What an organisation or resource does in a segment (环节角色). */
export const SEGMENT_ROLES = [
  "chain-leader",
  "supplier",
  "research",
  "platform",
  "carrier",
  "project",
  "fund",
  "policy",
] as const;
export type SegmentRole = (typeof SEGMENT_ROLES)[number];

export const SEGMENT_ROLE_ZH: Readonly<Record<SegmentRole, string>> = {
  "chain-leader": "链主企业",
  supplier: "配套企业",
  research: "研发机构",
  platform: "创新平台",
  carrier: "载体园区",
  project: "项目",
  fund: "基金",
  policy: "政策",
};

/** A row's place in the file: the sheet (or CSV file) and its 1-based row, headers being row 1. */
export interface RowRef {
  readonly sheet: ChainMapSheet;
  readonly row: number;
}

/** A source a row cites: a document, a list, a dataset (来源). */
export interface ChainMapSource {
  /** The key rows cite it by, unique in the file. */
  readonly key: string;
  readonly title: string;
  readonly issuer: string | null;
  /** As written (2026, 2026-03, 2026-03-15). */
  readonly date: string | null;
  /** A URL or a file name: where a reader finds it. */
  readonly location: string;
  readonly at: RowRef;
}

/** A row's citation: which source, and where in it. */
export interface Citation {
  readonly source: string;
  readonly page: string | null;
}

export interface SegmentRow {
  readonly industry: string;
  readonly name: string;
  readonly parent: string | null;
  readonly position: ChainPosition;
  /** The segments (of the same industry) this one supplies: it is upstream of them. */
  readonly supplies: readonly string[];
  readonly aliases: readonly string[];
  readonly cite: Citation;
  readonly at: RowRef;
}

/** An organisation or other resource in one or more segments of an industry. */
export interface MemberRow {
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly district: string | null;
  readonly industry: string;
  readonly segments: readonly string[];
  readonly role: SegmentRole;
  readonly cite: Citation;
  readonly at: RowRef;
}

/** Any other relationship of the vocabulary between two named entities. */
export interface LinkRow {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly cite: Citation;
  readonly at: RowRef;
}

export interface ChainMap {
  /** The file's name, as given (for the audit record and messages). */
  readonly fileName: string;
  /** sha256 of the file's bytes, hex. */
  readonly checksum: string;
  readonly sources: readonly ChainMapSource[];
  readonly segments: readonly SegmentRow[];
  readonly members: readonly MemberRow[];
  readonly links: readonly LinkRow[];
}

/** A bad cell or row: where it is, and why it is refused. */
export interface RowProblem {
  readonly sheet: string;
  /** 1-based, headers being row 1; 0 for a problem of the whole sheet or file. */
  readonly row: number;
  /** The column's header, or null for a problem of the whole row or sheet. */
  readonly column: string | null;
  readonly reason: string;
}

/** The record of one applied import: who, when, which file, what it changed. */
export interface ImportRecord {
  readonly id: string;
  readonly importSet: string;
  readonly at: string;
  readonly actor: string;
  readonly fileName: string;
  readonly checksum: string;
  /** JSON text: what the import changed, by action. */
  readonly counts: string;
}
