import { Workbook, type DataValidation, type Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { CHAIN_MAP_SHEETS } from "../../model/chain-map";
import { CHAIN_MAP_COLUMNS, headerText } from "./columns";
import { parseChainMap } from "./parse";
import { DROP_DOWNS, LISTS_SHEET, TEMPLATE_ROWS, chainMapTemplate } from "./template";
import { DROP_DOWN_VALUES, parseKind, parsePosition, parseRelationType, parseRole } from "./values";

let bytes: Buffer;
let book: Workbook;

beforeAll(async () => {
  bytes = await chainMapTemplate();
  book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
});

function sheet(name: string): Worksheet {
  const found = book.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** exceljs reads validations back cell by cell into worksheet.dataValidations.model. */
function validation(worksheet: Worksheet, address: string): DataValidation | undefined {
  const model = (
    worksheet as unknown as { dataValidations: { model: Record<string, DataValidation> } }
  ).dataValidations.model;
  return model[address];
}

function letterOf(sheetName: (typeof CHAIN_MAP_SHEETS)[number], key: string): string {
  const position = CHAIN_MAP_COLUMNS[sheetName].findIndex((spec) => spec.key === key);
  return String.fromCharCode(65 + position);
}

describe("chainMapTemplate", () => {
  it("parses back to nothing but the refusal of an import without a source: examples are skipped", async () => {
    expect(await parseChainMap(bytes, "chain-map-template.xlsx")).toEqual({
      ok: false,
      problems: [
        {
          sheet: "sources",
          row: 0,
          column: null,
          reason: "no source rows: an import without a source is refused",
        },
      ],
    });
  });

  it("parses to an empty map once a source is filled in", async () => {
    const filled = new Workbook();
    await filled.xlsx.load(bytes as unknown as ArrayBuffer);
    filled.getWorksheet("sources")?.addRow(["S1", "测试来源", null, null, "测试.pdf"]);
    const result = await parseChainMap(Buffer.from(await filled.xlsx.writeBuffer()), "filled.xlsx");
    expect(result.ok && { ...result.map, checksum: "" }).toEqual({
      fileName: "filled.xlsx",
      checksum: "",
      sources: [
        {
          key: "S1",
          title: "测试来源",
          issuer: null,
          date: null,
          location: "测试.pdf",
          at: { sheet: "sources", row: 3 },
        },
      ],
      segments: [],
      members: [],
      links: [],
    });
  });

  it("has the four sheets with bold, frozen 'key 中文' headers, then the hidden lists", () => {
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ...CHAIN_MAP_SHEETS.map((name) => [name, "visible"]),
      [LISTS_SHEET, "hidden"],
    ]);
    for (const name of CHAIN_MAP_SHEETS) {
      const worksheet = sheet(name);
      const header = worksheet.getRow(1);
      const texts = CHAIN_MAP_COLUMNS[name].map((_, i) => header.getCell(i + 1).value);
      expect(texts).toEqual(CHAIN_MAP_COLUMNS[name].map(headerText));
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(worksheet.getColumn(1).width).toBeGreaterThanOrEqual(16);
    }
  });

  it("has one example row per sheet, marked, with fictional placeholder names", () => {
    for (const name of CHAIN_MAP_SHEETS) {
      const worksheet = sheet(name);
      expect(worksheet.actualRowCount).toBe(2);
      const example = worksheet.getRow(2).getCell(CHAIN_MAP_COLUMNS[name].length).value;
      expect(example).toMatch(/^示例/u);
    }
    const nameCells = [
      sheet("segments").getRow(2).getCell(1).value,
      sheet("segments").getRow(2).getCell(2).value,
      sheet("members").getRow(2).getCell(1).value,
      sheet("links").getRow(2).getCell(1).value,
      sheet("links").getRow(2).getCell(3).value,
    ];
    expect(nameCells).toEqual(["示例产业", "示例环节A", "示例企业", "示例园区", "示例区"]);
  });

  it("offers drop-downs for position, kind, role and links.type from ranges of the lists sheet", () => {
    const lists = sheet(LISTS_SHEET);
    const columnOfList = { kind: "A", position: "B", role: "C", type: "D" } as const;
    expect(DROP_DOWNS.map((d) => `${d.sheet}.${d.column}`)).toEqual([
      "segments.position",
      "members.kind",
      "members.role",
      "links.type",
    ]);
    for (const { sheet: sheetName, column, list } of DROP_DOWNS) {
      const values = DROP_DOWN_VALUES[list];
      const letter = columnOfList[list];
      const range = `lists!$${letter}$2:$${letter}$${values.length + 1}`;
      const target = letterOf(sheetName, column);
      for (const row of [2, 3, TEMPLATE_ROWS + 1]) {
        expect(validation(sheet(sheetName), `${target}${row}`)).toMatchObject({
          type: "list",
          formulae: [range],
        });
      }
      expect(validation(sheet(sheetName), `${target}1`)).toBeUndefined();
      expect(validation(sheet(sheetName), `${target}${TEMPLATE_ROWS + 2}`)).toBeUndefined();
      const listed = values.map((_, i) => lists.getCell(`${letter}${i + 2}`).value);
      expect(listed).toEqual([...values]);
    }
    // No other column has one.
    expect(validation(sheet("members"), "A2")).toBeUndefined();
    expect(validation(sheet("links"), "A2")).toBeUndefined();
  });

  it("offers in its drop-downs only values the parser accepts", () => {
    expect(DROP_DOWN_VALUES.kind.map(parseKind)).not.toContain(undefined);
    expect(DROP_DOWN_VALUES.position.map(parsePosition)).not.toContain(undefined);
    expect(DROP_DOWN_VALUES.role.map(parseRole)).not.toContain(undefined);
    expect(DROP_DOWN_VALUES.type.map(parseRelationType)).not.toContain(undefined);
    // The relationship types alone pass the 255 characters an inline list may hold in Excel,
    // and the vocabulary grows: hence the ranges of a lists sheet.
    expect(DROP_DOWN_VALUES.type.join(",").length).toBeGreaterThan(255);
  });
});
