import { stringify } from "csv-stringify/sync";
import { Workbook } from "exceljs";
import type { EntityRecord } from "../model/records";
import type {
  ChainMapRecord,
  DistrictComparisonRecord,
} from "../services/chain-maps/chain-map.service";
import {
  chainReportRows,
  districtHeader,
  districtReportRows,
  districtValues,
  GAP_HEADER,
  gapSummaryRows,
  gapValues,
  reportHeader,
  rowValues,
} from "../services/chain-maps/report-rows";

/**
 * The chain report's downloads: an XLSX workbook (sheets chain, gaps, districts) and a CSV file of
 * the chain sheet. Both take their rows from chainReportRows, as the HTML page does.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

/** Column widths of the chain sheet, in characters, in REPORT_COLUMNS order. */
const CHAIN_WIDTHS = [10, 22, 16, 30, 18, 12, 20, 36, 34, 18, 10, 40, 8];

function addSheet(
  workbook: Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  widths: readonly number[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  header.forEach((_, index) => {
    sheet.getColumn(index + 1).width = widths[index] ?? 14;
  });
}

/**
 * The workbook: "chain" (one row per segment and member, as the CSV), "gaps" (each gap with its
 * segments) and "districts" (members per district by stage); a "note" sheet says why, when no
 * chain map is loaded. Cells hold text and numbers, never formulas.
 */
export async function chainReportWorkbook(
  map: ChainMapRecord,
  districts: DistrictComparisonRecord,
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = "chengdu-innovation-kg";
  workbook.created = generatedAt;
  workbook.title = `${map.industry.name} 产业链图谱报告 / Chain report`;
  addSheet(workbook, "chain", reportHeader(), chainReportRows(map).map(rowValues), CHAIN_WIDTHS);
  addSheet(workbook, "gaps", GAP_HEADER, gapSummaryRows(map).map(gapValues), [22, 24, 60, 50, 8]);
  addSheet(
    workbook,
    "districts",
    districtHeader(),
    districtReportRows(districts).map(districtValues),
    [20, 14, 22, 16, 24, 10],
  );
  if (!map.dataAvailable) {
    addSheet(workbook, "note", ["note 说明"], [[map.note ?? ""]], [120]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A cell Excel would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets
 * a leading apostrophe in the CSV, so a name from an uploaded file cannot become one.
 */
export function csvSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The chain sheet as CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF line ends. */
export function chainReportCsv(map: ChainMapRecord): string {
  const rows = chainReportRows(map).map((row) => rowValues(row).map(csvSafe));
  return stringify([reportHeader(), ...rows], { bom: true, record_delimiter: "\r\n" });
}

/** RFC 5987 percent-encoding: encodeURIComponent, and the four characters it leaves but 5987 does not. */
function encode5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Content-Disposition for a download: a plain ASCII filename from the industry's id for old
 * clients, and filename* (RFC 5987/6266) with its Chinese name for the rest.
 */
export function attachment(industry: EntityRecord, extension: "xlsx" | "csv"): string {
  const ascii = `chain-report-${industry.id.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 80)}.${extension}`;
  const name = industry.name
    // Lone surrogates cannot be percent-encoded; path and control characters make bad file names.
    .replace(/\p{Cs}/gu, "_")
    .replace(/[\p{Cc}/\\:*?"<>|]/gu, "_")
    .slice(0, 80);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encode5987(`${name}-产业链图谱报告.${extension}`)}`;
}
