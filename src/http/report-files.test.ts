import { parse } from "csv-parse/sync";
import { Workbook, type Worksheet } from "exceljs";
import { describe, expect, it } from "vitest";
import {
  CHAIN,
  DISTRICTS,
  EMPTY,
  entity,
  HOSTILE,
} from "../../test/fixtures/chain-maps/report-record";
import { chainReportRows, reportHeader, rowValues } from "../services/chain-maps/report-rows";
import { attachment, chainReportCsv, chainReportWorkbook, csvSafe } from "./report-files";

const AT = new Date("2026-05-01T02:03:04Z");

function values(sheet: Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).value ?? "");
    rows.push(cells);
  });
  return rows;
}

async function readBack(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("the chain report's XLSX", () => {
  it("has the chain rows under a bold frozen header, then the gaps and districts sheets", async () => {
    const workbook = await readBack(await chainReportWorkbook(CHAIN, DISTRICTS, AT));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["chain", "gaps", "districts"]);
    const chain = workbook.getWorksheet("chain");
    expect(values(chain)).toEqual([reportHeader(), ...chainReportRows(CHAIN).map(rowValues)]);
    expect(chain?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(chain?.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 1 })]);
    expect(values(workbook.getWorksheet("gaps")).map((row) => [row[0], row[3], row[4]])).toEqual([
      ["gap 缺口", "segments 环节", "count 数量"],
      ["NO_LOCAL_ENTERPRISE", "测试R-服务", 1],
      ["NO_RESEARCH", "测试R-服务", 1],
      ["NO_SUPPORT", "测试R-材料；测试R-服务", 2],
    ]);
    expect(values(workbook.getWorksheet("districts"))).toEqual([
      [
        "district 区县",
        "enterprises 企业",
        "research 高校院所与平台",
        "carriers 载体园区",
        "support 项目、基金与政策",
        "total 合计",
      ],
      ["测试R区", 1, 0, 0, 1, 2],
      ["测试R县", 1, 0, 0, 0, 1],
      ["未注明区县", 0, 1, 0, 0, 1],
    ]);
  });

  it("keeps a name with markup as text and adds a note sheet when no chain map is loaded", async () => {
    const full = await readBack(await chainReportWorkbook(CHAIN, DISTRICTS, AT));
    expect(full.getWorksheet("chain")?.getRow(3).getCell(4).value).toBe(HOSTILE);
    const empty = await readBack(
      await chainReportWorkbook(EMPTY, { ...DISTRICTS, districts: [] }, AT),
    );
    expect(empty.worksheets.map((sheet) => sheet.name)).toEqual([
      "chain",
      "gaps",
      "districts",
      "note",
    ]);
    expect(values(empty.getWorksheet("chain"))).toEqual([reportHeader()]);
    expect(values(empty.getWorksheet("note"))).toEqual([
      ["note 说明"],
      ["No chain map is loaded for 测试产业R: …"],
    ]);
  });
});

describe("the chain report's CSV", () => {
  it("is UTF-8 with a BOM and CRLF line ends, with the same rows as the builder", () => {
    const csv = chainReportCsv(CHAIN);
    expect(csv.startsWith("\uFEFFposition 位置,segment 环节,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(chainReportRows(CHAIN).length + 2);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    const parsed: string[][] = parse(csv, { bom: true });
    expect(parsed).toEqual([reportHeader(), ...chainReportRows(CHAIN).map(rowValues)]);
  });

  it("gives only the header when no chain map is loaded", () => {
    expect(chainReportCsv(EMPTY)).toBe(`\uFEFF${reportHeader().join(",")}\r\n`);
  });

  it("keeps Excel from running a cell as a formula", () => {
    expect(["=1+1", "+86", "-x", "@SUM(A1)", "\t=1", "测试=1", ""].map(csvSafe)).toEqual([
      "'=1+1",
      "'+86",
      "'-x",
      "'@SUM(A1)",
      "'\t=1",
      "测试=1",
      "",
    ]);
  });
});

describe("the downloads' file names", () => {
  it("give an ASCII name from the id and the Chinese name encoded per RFC 5987", () => {
    expect(attachment(entity("industry-0a1b", "Industry", "测试产业R"), "xlsx")).toBe(
      "attachment; filename=\"chain-report-industry-0a1b.xlsx\"; filename*=UTF-8''%E6%B5%8B%E8%AF%95%E4%BA%A7%E4%B8%9AR-%E4%BA%A7%E4%B8%9A%E9%93%BE%E5%9B%BE%E8%B0%B1%E6%8A%A5%E5%91%8A.xlsx",
    );
  });

  it("never let a name break the header or name a path", () => {
    const header = attachment(entity('a"b/c\r\nd', "Industry", `x/..\\y"\r\n'(*)\uD800z`), "csv");
    expect(header).toBe(
      "attachment; filename=\"chain-report-a_b_c__d.csv\"; filename*=UTF-8''x_.._y___%27%28_%29_z-%E4%BA%A7%E4%B8%9A%E9%93%BE%E5%9B%BE%E8%B0%B1%E6%8A%A5%E5%91%8A.csv",
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
