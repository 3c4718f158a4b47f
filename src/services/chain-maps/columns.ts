import { CHAIN_MAP_SHEETS, type ChainMapSheet } from "../../model/chain-map";

/**
 * The columns of each chain-map table, in the order the template writes them. A header cell is the
 * key, optionally followed by a space and any label ("industry 产业"), or the Chinese label alone:
 * planners work in Chinese, the parser and the docs in English, and both must name the same column.
 */
export interface ColumnSpec {
  readonly key: string;
  readonly zh: string;
  readonly required: boolean;
  /** Several values in one cell, split on ; ； or newlines. */
  readonly multi: boolean;
}

/** A row with anything in this column is the template's example row and is skipped. */
export const EXAMPLE_COLUMN: ColumnSpec = {
  key: "example",
  zh: "示例",
  required: false,
  multi: false,
};

function column(key: string, zh: string, required = false, multi = false): ColumnSpec {
  return { key, zh, required, multi };
}

export const CHAIN_MAP_COLUMNS: Readonly<Record<ChainMapSheet, readonly ColumnSpec[]>> = {
  sources: [
    column("key", "来源编号", true),
    column("title", "标题", true),
    column("issuer", "发布机构"),
    column("date", "日期"),
    column("url_or_file", "网址或文件", true),
    EXAMPLE_COLUMN,
  ],
  segments: [
    column("industry", "产业", true),
    column("segment", "环节", true),
    column("parent_segment", "上级环节"),
    column("position", "位置", true),
    column("supplies", "供给环节", false, true),
    column("aliases", "别名", false, true),
    column("source", "来源", true),
    column("page", "页码"),
    EXAMPLE_COLUMN,
  ],
  members: [
    column("name", "名称", true),
    column("kind", "类型", true),
    column("aliases", "别名", false, true),
    column("district", "区县"),
    column("industry", "产业", true),
    column("segments", "环节", true, true),
    column("role", "角色", true),
    column("source", "来源", true),
    column("page", "页码"),
    EXAMPLE_COLUMN,
  ],
  links: [
    column("from", "起点", true),
    column("type", "关系", true),
    column("to", "终点", true),
    column("source", "来源", true),
    column("page", "页码"),
    EXAMPLE_COLUMN,
  ],
};

/** The header the template writes: the key, then its Chinese label. */
export function headerText(spec: ColumnSpec): string {
  return `${spec.key} ${spec.zh}`;
}

/**
 * The column a header cell names, or undefined. Only the first word counts, so any label may follow
 * the key; the comparison ignores case and width (NFKC), as spreadsheets are typed by hand.
 */
export function columnOfHeader(sheet: ChainMapSheet, header: string): ColumnSpec | undefined {
  const first = header.normalize("NFKC").trim().toLowerCase().split(/\s+/u)[0] ?? "";
  return CHAIN_MAP_COLUMNS[sheet].find((spec) => spec.key === first || spec.zh === first);
}

/** The sheet a sheet (or CSV file) name stands for: trimmed, case-insensitive, ".csv" optional. */
export function sheetOfName(name: string): ChainMapSheet | undefined {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/\.csv$/u, "");
  return CHAIN_MAP_SHEETS.find((sheet) => sheet === base);
}
