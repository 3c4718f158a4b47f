import type { ChainMapSheet } from "../../model/chain-map";
import { CHAIN_MAP_COLUMNS, EXAMPLE_COLUMN, columnOfHeader, type ColumnSpec } from "./columns";
import type { CellRead } from "./cells";
import type { ProblemList } from "./problems";

/**
 * One table (sheet or CSV file) as keyed text, before any value is checked: the step XLSX and CSV
 * share, so both formats are refused for the same reasons with the same messages.
 */

export interface RawRow {
  /** 1-based, headers being row 1. */
  readonly row: number;
  /** Column key → cleaned text, null when empty; only columns the header names. */
  readonly cells: ReadonlyMap<string, string | null>;
  /** Columns whose cell held a spreadsheet error (already reported). */
  readonly broken: ReadonlySet<string>;
}

export interface RawTable {
  readonly sheet: ChainMapSheet;
  /** The columns the header names. */
  readonly columns: ReadonlySet<string>;
  readonly rows: readonly RawRow[];
}

/** A sheet as its reader sees it: header texts by position (0-based), and its data rows. */
export interface SheetGrid {
  readonly header: readonly (string | null)[];
  readonly rows: readonly GridRow[];
}

export interface GridRow {
  readonly row: number;
  /** The cell at a 0-based position; wantLink asks for a hyperlink's target, not its text. */
  cell(position: number, wantLink: boolean): CellRead;
}

/** The url_or_file column wants a hyperlink cell's link, not the words shown. */
const LINK_COLUMNS: ReadonlySet<string> = new Set(["url_or_file"]);

function listColumns(sheet: ChainMapSheet): string {
  return CHAIN_MAP_COLUMNS[sheet].map((spec) => `${spec.key} (${spec.zh})`).join(", ");
}

/** Which column each header position holds; unknown and repeated headers are problems of row 1. */
function readHeader(
  sheet: ChainMapSheet,
  header: readonly (string | null)[],
  problems: ProblemList,
): Map<number, ColumnSpec> {
  const byPosition = new Map<number, ColumnSpec>();
  const seen = new Set<string>();
  header.forEach((text, position) => {
    if (text === null) return;
    const spec = columnOfHeader(sheet, text);
    if (spec === undefined) {
      problems.add(
        sheet,
        1,
        text,
        `unknown column "${text}"; the ${sheet} sheet takes: ${listColumns(sheet)}`,
      );
    } else if (seen.has(spec.key)) {
      problems.add(sheet, 1, spec.key, `the column ${spec.key} (${spec.zh}) appears twice`);
    } else {
      seen.add(spec.key);
      byPosition.set(position, spec);
    }
  });
  return byPosition;
}

/** Required columns the header lacks: one problem each, so rows are not also flagged cell by cell. */
function checkRequired(sheet: ChainMapSheet, present: ReadonlySet<string>, problems: ProblemList) {
  for (const spec of CHAIN_MAP_COLUMNS[sheet]) {
    if (spec.required && !present.has(spec.key)) {
      problems.add(sheet, 1, spec.key, `missing required column ${spec.key} (${spec.zh})`);
    }
  }
}

/** A data row as keyed text, or null when it is empty or the template's example. */
function readRow(
  sheet: ChainMapSheet,
  grid: GridRow,
  columns: ReadonlyMap<number, ColumnSpec>,
  problems: ProblemList,
): RawRow | null {
  const cells = new Map<string, string | null>();
  const broken = new Set<string>();
  const errors: [string, string][] = [];
  for (const [position, spec] of columns) {
    const read = grid.cell(position, LINK_COLUMNS.has(spec.key));
    if ("error" in read) {
      errors.push([spec.key, read.error]);
      broken.add(spec.key);
      cells.set(spec.key, null);
    } else {
      cells.set(spec.key, read.text);
    }
  }
  if ((cells.get(EXAMPLE_COLUMN.key) ?? null) !== null) return null;
  if (errors.length === 0 && [...cells.values()].every((text) => text === null)) return null;
  for (const [key, error] of errors) {
    problems.add(sheet, grid.row, key, `the cell holds the spreadsheet error ${error}`);
  }
  return { row: grid.row, cells, broken };
}

/** A sheet's grid as a table; an entirely empty sheet has no header to complain about. */
export function tableOf(sheet: ChainMapSheet, grid: SheetGrid, problems: ProblemList): RawTable {
  const columns = readHeader(sheet, grid.header, problems);
  const present = new Set([...columns.values()].map((spec) => spec.key));
  const hasHeader = grid.header.some((text) => text !== null);
  if (hasHeader || grid.rows.length > 0) checkRequired(sheet, present, problems);
  const rows = grid.rows
    .map((row) => readRow(sheet, row, columns, problems))
    .filter((row) => row !== null);
  return { sheet, columns: present, rows };
}
