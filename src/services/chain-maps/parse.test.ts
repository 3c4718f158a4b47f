import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { Workbook, type CellValue } from "exceljs";
import { describe, expect, it } from "vitest";

import type { ChainMap, RowProblem } from "../../model/chain-map";
import {
  parseChainMap,
  parseChainMapCsv,
  parseChainMapFiles,
  type ChainMapParseResult,
} from "./parse";
import {
  ACCEPTED_KINDS,
  ACCEPTED_TYPES,
  parseKind,
  parsePosition,
  parseRelationType,
  parseRole,
} from "./values";

/** Sheets as rows of exceljs cell values; row 1 is the header. */
type Sheets = Record<string, CellValue[][]>;

async function workbook(sheets: Sheets): Promise<Buffer> {
  const book = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function parseSheets(sheets: Sheets): Promise<ChainMapParseResult> {
  return parseChainMap(await workbook(sheets), "test.xlsx");
}

async function problemsOf(sheets: Sheets): Promise<RowProblem[]> {
  const result = await parseSheets(sheets);
  if (result.ok) throw new Error("expected problems, got a map");
  return result.problems;
}

function mapOf(result: ChainMapParseResult): ChainMap {
  if (!result.ok) throw new Error(`expected a map, got ${JSON.stringify(result.problems)}`);
  return result.map;
}

const SOURCES_HEADER = ["key 来源编号", "title 标题", "issuer", "date", "url_or_file"];
const SEGMENTS_HEADER = [
  "industry",
  "segment",
  "parent_segment",
  "position",
  "supplies",
  "aliases",
  "source",
  "page",
];
const MEMBERS_HEADER = ["名称", "类型", "别名", "区县", "产业", "环节", "角色", "来源", "页码"];
const LINKS_HEADER = ["FROM 起点", "type", "to", "source", "page", "example 示例"];

/** A small valid chain map using every kind of cell exceljs gives: dates, links, rich text, formulas. */
function baseSheets(): Sheets {
  return {
    sources: [
      SOURCES_HEADER,
      [
        "S1",
        "测试来源一",
        "测试发布机构",
        new Date(Date.UTC(2026, 2, 15)),
        { text: "链接", hyperlink: "https://example.org/s1" },
      ],
    ],
    segments: [
      SEGMENTS_HEADER,
      [
        "测试产业A",
        "测试环节一",
        null,
        "上游",
        "测试环节二；测试环节三",
        "别名甲;别名ＡＢ",
        "S1",
        3,
      ],
      ["测试产业A", "测试环节二", "测试环节一", "midstream", null, null, "s1", null],
      ["测试产业A", "测试环节三", null, "服务", null, null, "S1", { formula: "1+1", result: 2 }],
    ],
    members: [
      MEMBERS_HEADER,
      [
        " 测试企业甲 ",
        "企业",
        "测试甲\n测试甲公司",
        "测试区甲",
        "测试产业A",
        "测试环节一;测试环节二",
        "链主",
        "S1",
        { richText: [{ text: "1" }, { text: "2" }] },
      ],
      [
        "测试研究院乙",
        "ResearchInstitute",
        null,
        null,
        "测试产业A",
        "测试环节三",
        "研发机构",
        "S1",
        null,
      ],
    ],
    links: [
      LINKS_HEADER,
      ["测试研究院乙", "focuses_on", "测试产业A", "S1", null, null],
      ["示例园区", "LOCATED_IN", "示例区", "示例来源", null, "示例"],
    ],
    lists: [["kind"], ["anything"]],
  };
}

const cite = (page: string | null) => ({ source: "S1", page });

const BASE_MAP = {
  fileName: "test.xlsx",
  sources: [
    {
      key: "S1",
      title: "测试来源一",
      issuer: "测试发布机构",
      date: "2026-03-15",
      location: "https://example.org/s1",
      at: { sheet: "sources", row: 2 },
    },
  ],
  segments: [
    {
      industry: "测试产业A",
      name: "测试环节一",
      parent: null,
      position: "upstream",
      supplies: ["测试环节二", "测试环节三"],
      aliases: ["别名甲", "别名AB"],
      cite: cite("3"),
      at: { sheet: "segments", row: 2 },
    },
    {
      industry: "测试产业A",
      name: "测试环节二",
      parent: "测试环节一",
      position: "midstream",
      supplies: [],
      aliases: [],
      cite: cite(null),
      at: { sheet: "segments", row: 3 },
    },
    {
      industry: "测试产业A",
      name: "测试环节三",
      parent: null,
      position: "service",
      supplies: [],
      aliases: [],
      cite: cite("2"),
      at: { sheet: "segments", row: 4 },
    },
  ],
  members: [
    {
      name: "测试企业甲",
      kind: "Enterprise",
      aliases: ["测试甲", "测试甲公司"],
      district: "测试区甲",
      industry: "测试产业A",
      segments: ["测试环节一", "测试环节二"],
      role: "chain-leader",
      cite: cite("12"),
      at: { sheet: "members", row: 2 },
    },
    {
      name: "测试研究院乙",
      kind: "ResearchInstitute",
      aliases: [],
      district: null,
      industry: "测试产业A",
      segments: ["测试环节三"],
      role: "research",
      cite: cite(null),
      at: { sheet: "members", row: 3 },
    },
  ],
  links: [
    {
      from: "测试研究院乙",
      type: "FOCUSES_ON",
      to: "测试产业A",
      cite: cite(null),
      at: { sheet: "links", row: 2 },
    },
  ],
};

/** The base sheets as CSV texts: what the cells read as, written out. */
function baseCsv(): Record<string, string> {
  const csv = (rows: (string | null)[][]) => stringify(rows);
  return {
    "sources.csv": `\uFEFF${csv([
      SOURCES_HEADER,
      ["S1", "测试来源一", "测试发布机构", "2026-03-15", "https://example.org/s1"],
    ])}`,
    "segments.csv": csv([
      SEGMENTS_HEADER,
      [
        "测试产业A",
        "测试环节一",
        null,
        "上游",
        "测试环节二；测试环节三",
        "别名甲;别名ＡＢ",
        "S1",
        "3",
      ],
      ["测试产业A", "测试环节二", "测试环节一", "midstream", null, null, "s1", null],
      ["测试产业A", "测试环节三", null, "服务", null, null, "S1", "2"],
    ]),
    "Members.CSV": csv([
      MEMBERS_HEADER,
      [
        " 测试企业甲 ",
        "企业",
        "测试甲\n测试甲公司",
        "测试区甲",
        "测试产业A",
        "测试环节一;测试环节二",
        "链主",
        "S1",
        "12",
      ],
      [
        "测试研究院乙",
        "ResearchInstitute",
        null,
        null,
        "测试产业A",
        "测试环节三",
        "研发机构",
        "S1",
      ],
    ]),
    links: csv([
      LINKS_HEADER,
      ["测试研究院乙", "focuses_on", "测试产业A", "S1", null, null],
      ["示例园区", "LOCATED_IN", "示例区", "示例来源", null, "示例"],
    ]),
    "notes.csv": "anything,at all\n",
  };
}

/** Base sheets with one sheet's rows replaced (header kept unless given). */
function withRows(sheet: string, rows: CellValue[][], header?: CellValue[]): Sheets {
  const sheets = baseSheets();
  const current = sheets[sheet] ?? [];
  sheets[sheet] = [header ?? current[0] ?? [], ...rows];
  return sheets;
}

const seg = (
  industry: string,
  name: string,
  parent: string | null = null,
  supplies: string | null = null,
): CellValue[] => [industry, name, parent, "上游", supplies, null, "S1", null];

const member = (name: string, kind: string, industry = "测试产业A", segments = "测试环节一") => [
  name,
  kind,
  null,
  null,
  industry,
  segments,
  "配套",
  "S1",
  null,
];

const problem = (sheet: string, row: number, column: string | null, reason: string) => ({
  sheet,
  row,
  column,
  reason,
});

describe("parseChainMap: reading a workbook", () => {
  it("gives exact rows: cells trimmed and NFKC-folded, lists split, references spelled as listed", async () => {
    // Sheet names in any case and order; the extra "lists" sheet is ignored.
    const { sources, ...others } = baseSheets();
    const bytes = await workbook({ ...others, SOURCES: sources ?? [] });
    const map = mapOf(await parseChainMap(bytes, "test.xlsx"));
    expect(map).toEqual({
      ...BASE_MAP,
      checksum: createHash("sha256").update(bytes).digest("hex"),
    });
  });

  it("gives the same map from CSV files (BOM stripped, names in any case, unknown files ignored)", async () => {
    const fromXlsx = mapOf(await parseSheets(baseSheets()));
    const fromCsv = mapOf(parseChainMapCsv(baseCsv(), "folder"));
    const strip = ({ fileName: _f, checksum: _c, ...rows }: ChainMap) => rows;
    expect(strip(fromCsv)).toEqual(strip(fromXlsx));
    expect(fromCsv.fileName).toBe("folder");
  });

  it("checksums a CSV set over its tables' names and texts in sheet order", () => {
    const files = baseCsv();
    const hash = createHash("sha256");
    for (const [sheet, name] of [
      ["sources", "sources.csv"],
      ["segments", "segments.csv"],
      ["members", "Members.CSV"],
      ["links", "links"],
    ] as const) {
      hash
        .update(`${sheet}.csv`)
        .update("\u0000")
        .update(files[name] ?? "")
        .update("\u0000");
    }
    expect(mapOf(parseChainMapCsv(files, "folder")).checksum).toBe(hash.digest("hex"));
  });

  it("skips empty rows and the example row, whatever the example row holds", async () => {
    const sheets = withRows("sources", [
      ["S1", "测试来源一", null, null, "file.pdf"],
      [null, null, null, null, null],
      ["示例来源", null, null, null, null, "示例"],
    ]);
    sheets.sources![0] = [...SOURCES_HEADER, "example"];
    const map = mapOf(await parseSheets(sheets));
    expect(map.sources.map((s) => [s.key, s.at.row])).toEqual([["S1", 2]]);
  });

  it("takes a header as key, key and label, or Chinese label, in any case", async () => {
    const sheets = withRows(
      "sources",
      [["S1", "测试来源一", "file.pdf"]],
      ["KEY", "标题", "Url_Or_File where to find it"],
    );
    const map = mapOf(await parseSheets(sheets));
    expect(map.sources[0]).toMatchObject({ key: "S1", title: "测试来源一", location: "file.pdf" });
  });

  it("allows a file without segments, members or links sheets", async () => {
    const map = mapOf(await parseSheets({ sources: baseSheets().sources! }));
    expect([map.segments, map.members, map.links]).toEqual([[], [], []]);
  });
});

describe("parseChainMap: refusals", () => {
  it("refuses a file that is not a workbook with one problem of row 0", async () => {
    expect(await parseChainMap(Buffer.from("not a workbook"), "notes.xlsx")).toEqual({
      ok: false,
      problems: [
        problem(
          "notes.xlsx",
          0,
          null,
          "not a readable XLSX workbook: save it from Excel, WPS or LibreOffice as .xlsx",
        ),
      ],
    });
  });

  it("refuses a file without a sources sheet", async () => {
    expect(await problemsOf({ lists: [["kind"]] })).toEqual([
      problem("sources", 0, null, "no sources sheet: an import without a source is refused"),
    ]);
  });

  it("refuses a sources sheet without rows (the example row does not count)", async () => {
    const sheets = {
      sources: [
        [...SOURCES_HEADER, "example"],
        ["示例来源", "示例", null, null, "示例.pdf", "示例"],
      ],
    };
    expect(await problemsOf(sheets)).toEqual([
      problem("sources", 0, null, "no source rows: an import without a source is refused"),
    ]);
  });

  it("refuses unknown and repeated columns, and names each missing required column", async () => {
    const sheets = withRows("sources", [["S1", "测试来源一", "x"]], ["key", "key", "备注 note"]);
    expect(await problemsOf(sheets)).toEqual([
      problem("sources", 1, "key", "the column key (来源编号) appears twice"),
      problem("sources", 1, "title", "missing required column title (标题)"),
      problem("sources", 1, "url_or_file", "missing required column url_or_file (网址或文件)"),
      problem(
        "sources",
        1,
        "备注 note",
        'unknown column "备注 note"; the sources sheet takes: key (来源编号), title (标题), issuer (发布机构), date (日期), url_or_file (网址或文件), example (示例)',
      ),
    ]);
  });

  it("refuses empty required cells, one problem per cell", async () => {
    const sheets = withRows("links", [[null, "FOCUSES_ON", null, "S1"]]);
    expect(await problemsOf(sheets)).toEqual([
      problem("links", 2, "from", "from (起点) is required; the cell is empty"),
      problem("links", 2, "to", "to (终点) is required; the cell is empty"),
    ]);
  });

  it("refuses a row without a source and a row citing an unknown source", async () => {
    const sheets = withRows("links", [
      ["测试研究院乙", "FOCUSES_ON", "测试产业A", null],
      ["测试研究院乙", "FOCUSES_ON", "测试产业A", "S9"],
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem("links", 2, "source", "no source: every row must cite a key of the sources sheet"),
      problem("links", 3, "source", 'unknown source "S9"; the sources sheet has: S1'),
    ]);
  });

  it("refuses a duplicate source key, compared normalised", async () => {
    const sheets = withRows("sources", [
      ["S1", "测试来源一", null, null, "a.pdf"],
      ["ｓ1", "测试来源二", null, null, "b.pdf"],
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem("sources", 3, "key", 'duplicate source key "s1" (first on row 2)'),
    ]);
  });

  it("refuses unknown kinds, positions, roles and relationship types, listing what is accepted", async () => {
    const sheets = baseSheets();
    sheets.segments![3] = ["测试产业A", "测试环节三", null, "上上游", null, null, "S1", null];
    sheets.members![2] = [...member("测试研究院乙", "公司")];
    sheets.members![2][6] = "龙头";
    sheets.links![1] = ["测试研究院乙", "SUPPLIES", "测试产业A", "S1"];
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "segments",
        4,
        "position",
        'unknown position "上上游"; accepted: upstream (上游); midstream (中游); downstream (下游); service (配套服务, 服务)',
      ),
      problem("members", 3, "kind", `unknown kind "公司"; accepted: ${ACCEPTED_KINDS}`),
      problem(
        "members",
        3,
        "role",
        'unknown role "龙头"; accepted: chain-leader (链主企业, 链主); supplier (配套企业, 配套); research (研发机构, 研发); platform (创新平台, 平台); carrier (载体园区, 载体); project (项目); fund (基金); policy (政策)',
      ),
      problem(
        "links",
        2,
        "type",
        `unknown relationship type "SUPPLIES"; accepted: ${ACCEPTED_TYPES}`,
      ),
    ]);
  });

  it("refuses a segment listed twice in one industry, but not the same name in another", async () => {
    const sheets = withRows("segments", [
      seg("测试产业A", "测试环节一"),
      seg("测试产业A", "测试环节二"),
      seg("测试产业A", "测试环节三"),
      seg("测试产业a", "测试环节一 "),
      seg("测试产业B", "测试环节一"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "segments",
        5,
        "segment",
        'segment "测试环节一" of industry "测试产业a" is listed twice (first on row 2)',
      ),
    ]);
  });

  it("refuses parent and supplied segments that name no segment of the same industry", async () => {
    const sheets = withRows("segments", [
      seg("测试产业A", "测试环节一", "测试环节九", "测试环节二；测试环节八"),
      seg("测试产业A", "测试环节二"),
      seg("测试产业A", "测试环节三"),
      seg("测试产业B", "测试环节八", "测试环节三"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "segments",
        2,
        "parent_segment",
        'no segment "测试环节九" in industry "测试产业A" in this file',
      ),
      problem(
        "segments",
        2,
        "supplies",
        'no segment "测试环节八" in industry "测试产业A" in this file',
      ),
      problem(
        "segments",
        5,
        "parent_segment",
        'no segment "测试环节三" in industry "测试产业B" in this file',
      ),
    ]);
  });

  it("refuses a segment supplying itself", async () => {
    const sheets = withRows("segments", [
      seg("测试产业A", "测试环节一", null, "测试环节一"),
      seg("测试产业A", "测试环节二"),
      seg("测试产业A", "测试环节三"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem("segments", 2, "supplies", "a segment cannot supply itself"),
    ]);
  });

  it("refuses parent cycles, telling each segment on the loop", async () => {
    const sheets = withRows("segments", [
      seg("测试产业A", "测试环节一", "测试环节三"),
      seg("测试产业A", "测试环节二", "测试环节一"),
      seg("测试产业A", "测试环节三", "测试环节二"),
      seg("测试产业B", "测试环节四", "测试环节四"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "segments",
        2,
        "parent_segment",
        "parent_segment makes a cycle: 测试环节一 → 测试环节三 → 测试环节二 → 测试环节一",
      ),
      problem(
        "segments",
        3,
        "parent_segment",
        "parent_segment makes a cycle: 测试环节二 → 测试环节一 → 测试环节三 → 测试环节二",
      ),
      problem(
        "segments",
        4,
        "parent_segment",
        "parent_segment makes a cycle: 测试环节三 → 测试环节二 → 测试环节一 → 测试环节三",
      ),
      problem(
        "segments",
        5,
        "parent_segment",
        "parent_segment makes a cycle: 测试环节四 → 测试环节四",
      ),
    ]);
  });

  it("refuses a member in a segment its industry does not have", async () => {
    const sheets = withRows("members", [
      member("测试企业甲", "企业", "测试产业A", "测试环节一；测试环节七"),
      member("测试企业乙", "企业", "测试产业B", "测试环节一"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "members",
        2,
        "segments",
        'no segment "测试环节七" in industry "测试产业A" in this file',
      ),
      problem(
        "members",
        3,
        "segments",
        'no segment "测试环节一" in industry "测试产业B" in this file',
      ),
    ]);
  });

  it("refuses the same member twice in one industry, compared normalised", async () => {
    const sheets = withRows("members", [
      member("测试企业ＡＢ", "企业"),
      member("测试企业ab ", "企业", "测试产业A", "测试环节二"),
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "members",
        3,
        "name",
        '"测试企业ab" is listed twice in industry "测试产业A" (first on row 2); list all its segments in one row',
      ),
    ]);
  });

  it("refuses one name with two kinds, even in different industries", async () => {
    const sheets = baseSheets();
    sheets.segments!.push(seg("测试产业B", "测试环节一"));
    sheets.members = [
      MEMBERS_HEADER,
      member("测试企业甲", "企业"),
      member("测试企业甲", "高校", "测试产业B", "测试环节一"),
    ];
    expect(await problemsOf(sheets)).toEqual([
      problem(
        "members",
        3,
        "kind",
        '"测试企业甲" is University here but Enterprise on row 2: a name has one kind',
      ),
    ]);
  });

  it("refuses a cell holding a spreadsheet error rather than reading it as a name", async () => {
    const sheets = withRows("links", [
      [{ formula: "NA()", result: { error: "#N/A" } }, "FOCUSES_ON", "测试产业A", "S1"],
    ]);
    expect(await problemsOf(sheets)).toEqual([
      problem("links", 2, "from", "the cell holds the spreadsheet error #N/A"),
    ]);
  });

  it("collects every problem of every sheet, in sheet, row and column order", async () => {
    const sheets = baseSheets();
    sheets.links!.push(["测试研究院乙", "NOPE", "测试产业A", "S2"]);
    sheets.members!.push(member("测试企业丙", "企业", "测试产业A", "测试环节九"));
    sheets.sources!.push(["S1", null, null, null, "x.pdf"]);
    const problems = await problemsOf(sheets);
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["sources", 3, "key"],
      ["sources", 3, "title"],
      ["members", 4, "segments"],
      ["links", 4, "type"],
      ["links", 4, "source"],
    ]);
  });
});

describe("parseChainMapCsv and parseChainMapFiles", () => {
  it("refuses an unreadable CSV file with one problem of row 0", () => {
    const files = { ...baseCsv(), "links.csv": 'from,type\n"unclosed,x\n' };
    const result = parseChainMapCsv(files, "folder");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ sheet: "links", row: 0, column: null });
    expect(result.problems[0]?.reason).toMatch(/^not a readable CSV file: /);
  });

  it("numbers CSV rows as a spreadsheet shows them, a quoted newline staying in its row", () => {
    const files = {
      "sources.csv": 'key,title,url_or_file\nS1,"two\nlines",a.pdf\n\nS1,dup,b.pdf\n',
    };
    expect(parseChainMapCsv(files, "folder")).toEqual({
      ok: false,
      problems: [problem("sources", 4, "key", 'duplicate source key "S1" (first on row 2)')],
    });
  });

  it("reads one .xlsx file as a workbook and .csv files as a CSV set", async () => {
    const bytes = await workbook(baseSheets());
    const fromXlsx = mapOf(await parseChainMapFiles([{ name: "in/map.XLSX", bytes }], "map.xlsx"));
    expect(fromXlsx.members).toHaveLength(2);
    const csvFiles = Object.entries(baseCsv())
      .filter(([name]) => name.toLowerCase().endsWith(".csv"))
      .map(([name, text]) => ({ name: `folder/${name}`, bytes: Buffer.from(text, "utf8") }));
    const fromCsv = mapOf(await parseChainMapFiles(csvFiles, "folder"));
    expect(fromCsv.segments).toEqual(fromXlsx.segments);
  });

  it("refuses CSV bytes that are not UTF-8 (Excel's GBK CSV)", async () => {
    const gbk = Buffer.from([0x6b, 0x65, 0x79, 0x0a, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]);
    expect(await parseChainMapFiles([{ name: "sources.csv", bytes: gbk }], "folder")).toEqual({
      ok: false,
      problems: [
        problem("sources", 0, null, 'sources.csv is not UTF-8 text: save it as "CSV UTF-8"'),
      ],
    });
  });

  it("refuses anything else: other extensions, several workbooks, nothing", async () => {
    const reason =
      "expected one .xlsx workbook, or .csv files named sources.csv, segments.csv, members.csv and links.csv";
    const bytes = Buffer.from("x");
    for (const files of [
      [{ name: "map.xls", bytes }],
      [
        { name: "a.xlsx", bytes },
        { name: "b.xlsx", bytes },
      ],
      [
        { name: "sources.csv", bytes },
        { name: "map.xlsx", bytes },
      ],
      [],
    ]) {
      expect(await parseChainMapFiles(files, "upload")).toEqual({
        ok: false,
        problems: [problem("upload", 0, null, reason)],
      });
    }
  });
});

describe("accepted values", () => {
  it("takes a kind as the vocabulary spells it, its Chinese label, or either half of it", () => {
    for (const text of ["Enterprise", "enterprise", "企业 / 集团", "企业/集团", "企业", "集团"]) {
      expect(parseKind(text)).toBe("Enterprise");
    }
    expect([parseKind("研究院"), parseKind("基金"), parseKind("公司")]).toEqual([
      "ResearchInstitute",
      "Fund",
      undefined,
    ]);
  });

  it("takes positions and roles in English, Chinese or short form", () => {
    expect(["upstream", "上游", "中游", "下游", "配套服务", "服务"].map(parsePosition)).toEqual([
      "upstream",
      "upstream",
      "midstream",
      "downstream",
      "service",
      "service",
    ]);
    const roles = ["链主", "链主企业", "配套", "配套企业", "研发", "研发机构", "平台", "创新平台"];
    expect(roles.map(parseRole)).toEqual([
      "chain-leader",
      "chain-leader",
      "supplier",
      "supplier",
      "research",
      "research",
      "platform",
      "platform",
    ]);
    expect(["载体", "载体园区", "项目", "基金", "政策", "Fund"].map(parseRole)).toEqual([
      "carrier",
      "carrier",
      "project",
      "fund",
      "policy",
      "fund",
    ]);
  });

  it("takes relationship types of the vocabulary only, in any case", () => {
    expect([parseRelationType("LOCATED_IN"), parseRelationType("located_in")]).toEqual([
      "LOCATED_IN",
      "LOCATED_IN",
    ]);
    expect(parseRelationType("位于")).toBeUndefined();
  });
});
