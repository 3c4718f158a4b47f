import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { Workbook, type Worksheet } from "exceljs";

import {
  CHAIN_MAP_SHEETS,
  type ChainMap,
  type ChainMapSheet,
  type RowProblem,
} from "../../model/chain-map";
import { cleanText, readCell } from "./cells";
import { checkTables } from "./check";
import { sheetOfName } from "./columns";
import { ProblemList } from "./problems";
import { tableOf, type GridRow, type RawTable, type SheetGrid } from "./tables";

/**
 * Reading a chain map (docs/chain-maps.md) from an XLSX workbook or a set of CSV files: pure, no
 * database. Either the whole map, or every problem found, in reading order; never half a map, since
 * the importer must not write a file the planner still has to fix.
 */

export type ChainMapParseResult =
  { ok: true; map: ChainMap } | { ok: false; problems: RowProblem[] };

/** One uploaded file: its name (a path is fine, only the base name counts) and its bytes. */
export interface ChainMapFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function sha256(...parts: (Uint8Array | string)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

/** The result once the tables are read: the map only if nothing at all was wrong. */
function finish(
  tables: ReadonlyMap<ChainMapSheet, RawTable>,
  problems: ProblemList,
  fileName: string,
  checksum: string,
): ChainMapParseResult {
  const rows = checkTables(tables, problems);
  if (problems.size > 0) return { ok: false, problems: problems.sorted() };
  return { ok: true, map: { fileName, checksum, ...rows } };
}

function fileProblem(fileName: string, reason: string): ChainMapParseResult {
  return { ok: false, problems: [{ sheet: fileName, row: 0, column: null, reason }] };
}

// ——— XLSX ———

/** A worksheet as a grid: row 1's texts, then every row after it that holds anything. */
function gridOfWorksheet(worksheet: Worksheet): SheetGrid {
  const headerRow = worksheet.getRow(1);
  const header: (string | null)[] = [];
  for (let column = 1; column <= headerRow.cellCount; column++) {
    const read = readCell(headerRow.getCell(column).value);
    header.push("text" in read ? read.text : null);
  }
  const rows: GridRow[] = [];
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push({
      row: number,
      cell: (position, link) => readCell(row.getCell(position + 1).value, link),
    });
  });
  return { header, rows };
}

async function loadWorkbook(bytes: Buffer | Uint8Array): Promise<Workbook | null> {
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; at run time it takes any byte array (JSZip).
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}

/**
 * A chain map from an XLSX workbook: sheets sources, segments, members and links, found by name in
 * any case; other sheets (the template's hidden "lists") are ignored. checksum: sha256 of the bytes.
 */
export async function parseChainMap(
  bytes: Buffer | Uint8Array,
  fileName: string,
): Promise<ChainMapParseResult> {
  const workbook = await loadWorkbook(bytes);
  if (workbook === null) {
    return fileProblem(
      fileName,
      "not a readable XLSX workbook: save it from Excel, WPS or LibreOffice as .xlsx",
    );
  }
  const problems = new ProblemList();
  const tables = new Map<ChainMapSheet, RawTable>();
  for (const worksheet of workbook.worksheets) {
    const sheet = sheetOfName(worksheet.name);
    if (sheet !== undefined)
      tables.set(sheet, tableOf(sheet, gridOfWorksheet(worksheet), problems));
  }
  return finish(tables, problems, fileName, sha256(bytes));
}

// ——— CSV ———

/** A CSV text as a grid; records are numbered as a spreadsheet shows them (a quoted newline stays in its row). */
function gridOfCsv(text: string): SheetGrid {
  const records = parseCsv(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const [head = [], ...body] = records;
  return {
    header: head.map((cell) => cleanText(cell)),
    rows: body.map((record, i) => ({
      row: i + 2,
      cell: (position) => ({ text: cleanText(record[position] ?? "") }),
    })),
  };
}

/**
 * The CSV set's checksum: sha256 over each table in sheet order, as "<sheet>.csv", NUL, its text,
 * NUL, so a file's name counts and no two sets share a checksum by moving text between files.
 */
function csvChecksum(texts: ReadonlyMap<ChainMapSheet, string>): string {
  const parts = CHAIN_MAP_SHEETS.flatMap((sheet) => {
    const text = texts.get(sheet);
    return text === undefined ? [] : [`${sheet}.csv`, "\u0000", text, "\u0000"];
  });
  return sha256(...parts);
}

/**
 * A chain map from CSV texts, one per table, keyed by sheet or file name ("sources" or
 * "sources.csv", any case); other names are ignored; a UTF-8 BOM is stripped.
 */
export function parseChainMapCsv(
  files: Readonly<Record<string, string>>,
  fileName: string,
): ChainMapParseResult {
  const texts = new Map<ChainMapSheet, string>();
  for (const [name, text] of Object.entries(files)) {
    const sheet = sheetOfName(name);
    if (sheet !== undefined) texts.set(sheet, text);
  }
  const problems = new ProblemList();
  const tables = new Map<ChainMapSheet, RawTable>();
  for (const [sheet, text] of texts) {
    try {
      tables.set(sheet, tableOf(sheet, gridOfCsv(text), problems));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.add(sheet, 0, null, `not a readable CSV file: ${message}`);
    }
  }
  // An unreadable file would make every reference into it look broken: say only what is known.
  if (problems.size > 0 && tables.size < texts.size) {
    return { ok: false, problems: problems.sorted() };
  }
  return finish(tables, problems, fileName, csvChecksum(texts));
}

// ——— either ———

function baseName(name: string): string {
  return name.split(/[\\/]/u).pop() ?? name;
}

/** CSV bytes as text; Excel's plain "CSV" on Chinese Windows is GBK, which must not pass as UTF-8. */
function decodeCsv(files: readonly ChainMapFile[]): Record<string, string> | RowProblem[] {
  const texts: Record<string, string> = {};
  const problems: RowProblem[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const file of files) {
    const name = baseName(file.name);
    try {
      texts[name] = decoder.decode(file.bytes);
    } catch {
      const reason = `${name} is not UTF-8 text: save it as "CSV UTF-8"`;
      problems.push({ sheet: sheetOfName(name) ?? name, row: 0, column: null, reason });
    }
  }
  return problems.length > 0 ? problems : texts;
}

/**
 * An upload of either form, told apart by extension: exactly one .xlsx file is a workbook; one or
 * more .csv files (sources.csv, segments.csv, members.csv, links.csv, e.g. a folder's contents)
 * are a CSV set. Anything else is refused with one problem of row 0.
 */
export async function parseChainMapFiles(
  files: readonly ChainMapFile[],
  fileName: string,
): Promise<ChainMapParseResult> {
  const names = files.map((file) => baseName(file.name).toLowerCase());
  const [only] = files;
  if (files.length === 1 && only !== undefined && names[0]?.endsWith(".xlsx") === true) {
    return parseChainMap(only.bytes, fileName);
  }
  if (files.length > 0 && names.every((name) => name.endsWith(".csv"))) {
    const texts = decodeCsv(files);
    if (Array.isArray(texts)) return { ok: false, problems: texts };
    return parseChainMapCsv(texts, fileName);
  }
  return fileProblem(
    fileName,
    "expected one .xlsx workbook, or .csv files named sources.csv, segments.csv, members.csv and links.csv",
  );
}
