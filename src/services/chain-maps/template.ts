import { Workbook, type DataValidation, type Worksheet } from "exceljs";

import { CHAIN_MAP_SHEETS, type ChainMapSheet } from "../../model/chain-map";
import { CHAIN_MAP_COLUMNS, EXAMPLE_COLUMN, headerText } from "./columns";
import { DROP_DOWN_VALUES } from "./values";

/**
 * The blank chain-map workbook planners fill in (npm run import:template): the four sheets with
 * "key 中文" headers, one example row each (skipped on import), and drop-downs for the closed
 * columns. The drop-downs read their values from a hidden "lists" sheet: an inline list is limited
 * to 255 characters, which the kinds and relationship types exceed.
 */

/** Rows (after the header) that carry the drop-downs: more than any chain map has. */
export const TEMPLATE_ROWS = 5000;

/** The hidden sheet holding the drop-down values, one column per list. */
export const LISTS_SHEET = "lists";

/** Which column of which sheet takes which list of the lists sheet. */
export const DROP_DOWNS: readonly {
  readonly sheet: ChainMapSheet;
  readonly column: string;
  readonly list: keyof typeof DROP_DOWN_VALUES;
}[] = [
  { sheet: "segments", column: "position", list: "position" },
  { sheet: "members", column: "kind", list: "kind" },
  { sheet: "members", column: "role", list: "role" },
  { sheet: "links", column: "type", list: "type" },
];

const LIST_ORDER = ["kind", "position", "role", "type"] as const;
const LIST_ZH: Readonly<Record<(typeof LIST_ORDER)[number], string>> = {
  kind: "类型",
  position: "位置",
  role: "角色",
  type: "关系",
};

/** Fictional placeholders only: the example row must never read as a fact about a real body. */
const EXAMPLES: Readonly<Record<ChainMapSheet, Readonly<Record<string, string>>>> = {
  sources: {
    key: "示例来源",
    title: "示例产业链图谱（仅为示例）",
    issuer: "示例发布机构",
    date: "2026-01",
    url_or_file: "示例文件.pdf",
  },
  segments: {
    industry: "示例产业",
    segment: "示例环节A",
    position: "上游",
    supplies: "示例环节B",
    aliases: "示例环节甲",
    source: "示例来源",
    page: "1",
  },
  members: {
    name: "示例企业",
    kind: "企业 / 集团",
    aliases: "示例企业简称",
    district: "示例区",
    industry: "示例产业",
    segments: "示例环节A；示例环节B",
    role: "链主企业",
    source: "示例来源",
    page: "2",
  },
  links: { from: "示例园区", type: "LOCATED_IN", to: "示例区", source: "示例来源", page: "3" },
};

const EXAMPLE_MARK = "示例：导入时跳过此行 (example, skipped)";

/** Wide columns for long texts, so the template reads without resizing. */
const WIDTHS: Readonly<Record<string, number>> = {
  title: 36,
  url_or_file: 36,
  name: 28,
  segments: 28,
  supplies: 28,
  from: 28,
  to: 28,
  example: 36,
};

/** exceljs keeps range validations in worksheet.dataValidations, which its types leave out. */
interface DataValidations {
  add(address: string, validation: DataValidation): void;
}

function validationsOf(worksheet: Worksheet): DataValidations {
  return (worksheet as unknown as { dataValidations: DataValidations }).dataValidations;
}

function columnLetter(position: number): string {
  let letters = "";
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet with bold, frozen headers and its example row. */
function addTableSheet(workbook: Workbook, sheet: ChainMapSheet): Worksheet {
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = CHAIN_MAP_COLUMNS[sheet].map((spec) => ({
    header: headerText(spec),
    key: spec.key,
    width: WIDTHS[spec.key] ?? 16,
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.addRow({ ...EXAMPLES[sheet], [EXAMPLE_COLUMN.key]: EXAMPLE_MARK });
  return worksheet;
}

/** The hidden sheet of drop-down values; returns each list's range, as a formula. */
function addListsSheet(workbook: Workbook): Map<string, string> {
  const worksheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const ranges = new Map<string, string>();
  LIST_ORDER.forEach((list, i) => {
    const letter = columnLetter(i + 1);
    const values = DROP_DOWN_VALUES[list];
    worksheet.getCell(`${letter}1`).value = `${list} ${LIST_ZH[list]}`;
    values.forEach((value, j) => (worksheet.getCell(`${letter}${j + 2}`).value = value));
    ranges.set(list, `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  return ranges;
}

/** A drop-down that warns rather than stops: the docs accept other spellings too (Enterprise, 链主). */
function dropDown(formula: string): DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "不在列表中 (not in the list)",
    error: "请从列表中选择，或填写 docs/chain-maps.md 所列的其他写法。",
  };
}

export async function chainMapTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = "chengdu-innovation-kg";
  const sheets = new Map(CHAIN_MAP_SHEETS.map((sheet) => [sheet, addTableSheet(workbook, sheet)]));
  const ranges = addListsSheet(workbook);
  for (const { sheet, column, list } of DROP_DOWNS) {
    const position = CHAIN_MAP_COLUMNS[sheet].findIndex((spec) => spec.key === column) + 1;
    const letter = columnLetter(position);
    const worksheet = sheets.get(sheet);
    const formula = ranges.get(list);
    if (worksheet === undefined || formula === undefined) continue;
    validationsOf(worksheet).add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, dropDown(formula));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
