import { parse } from "csv-parse/sync";
import { Workbook, type Worksheet } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, REPORT_POLICY } from "../../src/http/report-html";
import {
  importReportFixtures,
  INDUSTRY_S,
  INDUSTRY_T,
  MARKUP_MEMBER,
  removeReportFixtures,
} from "../fixtures/chain-maps/report-fixture";
import { KEYS } from "../helpers/curation";
import { serveForFile, startTestServer, type TestServer } from "../helpers/server";

/**
 * The chain report over HTTP (src/http/report.ts) against the real Neo4j, with the fixture chain
 * maps of test/fixtures/chain-maps/report-fixture.ts imported: the HTML page, and the XLSX and
 * CSV downloads compared row for row with what the GraphQL API answers for the same industry.
 */

const api = serveForFile();
const origin = (): string => new URL(api.url).origin;

beforeAll(importReportFixtures);
afterAll(removeReportFixtures);

interface Cite {
  title: string;
  issuer: string | null;
  date: string | null;
  location: string;
  page: string | null;
}
interface Member {
  entity: { name: string; kind: string };
  roleZh: string | null;
  stage: string;
  districts: { name: string }[];
  citation: Cite | null;
}
interface Segment {
  segment: { name: string };
  position: string;
  gaps: string[];
  citation: Cite | null;
  members: Member[];
}
interface ChainMap {
  industry: { id: string; name: string };
  dataAvailable: boolean;
  note: string | null;
  segments: Segment[];
  gaps: { gap: string; labelZh: string; label: string; segments: { name: string }[] }[];
  report: { html: string; xlsx: string; csv: string };
}

const CITE = "citation { title issuer date location page }";
const CHAIN_MAP = `query ($name: String!) { chainMap(industry: $name) {
  industry { id name } dataAvailable note
  segments { segment { name } position gaps ${CITE}
    members { entity { name kind } roleZh stage districts { name } ${CITE} } }
  gaps { gap label labelZh segments { name } }
  report { html xlsx csv } } }`;

async function chainMap(name: string): Promise<ChainMap> {
  return (await api.ok(CHAIN_MAP, { name })).chainMap as ChainMap;
}

// The report's labels, written out here rather than imported, so a wrong label in the code fails.
const POSITION: Record<string, string> = {
  upstream: "上游",
  midstream: "中游",
  downstream: "下游",
  service: "配套服务",
};
const STAGE: Record<string, string> = {
  enterprises: "企业",
  research: "高校院所与平台",
  carriers: "载体园区",
  support: "项目、基金与政策",
};
const GAP: Record<string, string> = {
  NO_LOCAL_ENTERPRISE: "缺本地企业",
  NO_RESEARCH: "缺高校院所与平台支撑",
  NO_SUPPORT: "缺项目、基金与政策支持",
};
const HEADER = [
  "position 位置",
  "segment 环节",
  "stage 资源类别",
  "member 主体",
  "kind 类型",
  "role 角色",
  "districts 所在区县",
  "gaps 环节缺口",
  "source 来源",
  "issuer 发布机构",
  "date 日期",
  "location 网址或文件",
  "page 页码",
];

const citeCells = (c: Cite | null): string[] => [
  c?.title ?? "",
  c?.issuer ?? "",
  c?.date ?? "",
  c?.location ?? "",
  c?.page ?? "",
];

/** The rows the downloads must hold, computed from the GraphQL answer. */
function expectedRows(view: ChainMap): string[][] {
  return view.segments.flatMap((s) => {
    const gaps = s.gaps.map((gap) => GAP[gap] ?? `?${gap}`).join("；");
    const position = POSITION[s.position] ?? `?${s.position}`;
    if (s.members.length === 0)
      return [[position, s.segment.name, "", "", "", "", "", gaps, ...citeCells(s.citation)]];
    return s.members.map((m) => [
      position,
      s.segment.name,
      STAGE[m.stage] ?? `?${m.stage}`,
      m.entity.name,
      m.entity.kind,
      m.roleZh ?? "",
      m.districts.map((d) => d.name).join("；"),
      gaps,
      ...citeCells(m.citation),
    ]);
  });
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin()}${path}`, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

function sheetValues(sheet: Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).value ?? "");
    rows.push(cells);
  });
  return rows;
}

/** The segment sections of the report page: name, gap badges, members with their footnotes. */
function sections(html: string) {
  return html
    .split('<section class="segment')
    .slice(1)
    .map((rest) => rest.slice(0, rest.indexOf("</section>")))
    .map((part) => ({
      name: /class="segment-name">([^<]*)</.exec(part)?.[1],
      badges: [...part.matchAll(/class="gap-badge" data-gap="(\w+)"/g)].map((m) => m[1]),
      gapRows: [...part.matchAll(/<tr class="gap-row" data-gap="(\w+)"/g)].map((m) => m[1]),
      members: [
        ...part.matchAll(
          /<tr class="member" data-stage="(\w+)">\n<td>(.*?)<sup class="ref"><a href="#ref-(\d+)">/g,
        ),
      ].map((m) => ({ stage: m[1], name: m[2], ref: Number(m[3]) })),
    }));
}

/** The page's footnotes by number. */
function references(html: string): Map<number, string> {
  return new Map(
    [...html.matchAll(/<li id="ref-(\d+)">(.*?)<\/li>/g)].map((m) => [Number(m[1]), m[2] ?? ""]),
  );
}

describe("GET /report/chain/:industry, the printable page", () => {
  it("shows each segment in chain order, each member by stage with its source, gaps badged exactly where they are", async () => {
    const view = await chainMap(INDUSTRY_S);
    expect(view.report.html).toBe(`/report/chain/${view.industry.id}`);
    const { response, bytes } = await get(view.report.html);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(REPORT_POLICY);
    const html = bytes.toString("utf8");
    expect(html).toContain(`<title>${INDUSTRY_S} 产业链图谱报告 / Chain report</title>`);

    const page = sections(html);
    const refs = references(html);
    // By hand from the fixture: the chain order, and which segments lack what.
    expect(page.map((s) => [s.name, s.badges])).toEqual([
      ["测试S-原料", ["NO_LOCAL_ENTERPRISE", "NO_RESEARCH"]],
      ["测试S-部件", []],
      ["测试S-成品", ["NO_SUPPORT"]],
      ["测试S-物流", ["NO_LOCAL_ENTERPRISE", "NO_RESEARCH", "NO_SUPPORT"]],
    ]);
    expect(page.map((s) => [s.name, s.badges])).toEqual(
      view.segments.map((s) => [s.segment.name, s.gaps]),
    );
    expect(page.map((s) => s.gapRows)).toEqual(view.segments.map((s) => s.gaps));

    const order = Object.keys(STAGE);
    for (const [index, segment] of view.segments.entries()) {
      const shown = page[index]?.members ?? [];
      const byStage = [...segment.members].sort(
        (a, b) => order.indexOf(a.stage) - order.indexOf(b.stage),
      );
      expect(shown.map((m) => [m.stage, m.name])).toEqual(
        byStage.map((m) => [m.stage, escapeHtml(m.entity.name)]),
      );
      for (const [i, member] of byStage.entries()) {
        const note = refs.get(shown[i]?.ref ?? 0) ?? "";
        const cite = member.citation;
        expect(cite).not.toBeNull();
        expect(note).toContain(`<cite>${escapeHtml(cite?.title ?? "")}</cite>`);
        if (cite?.issuer != null) expect(note).toContain(`，${escapeHtml(cite.issuer)}，`);
        if (cite?.page != null && cite.page !== "") expect(note).toContain(`第 ${cite.page} 页`);
      }
    }
    expect(page.flatMap((s) => s.members).length).toBe(8);
    // The sources: a URL is a link, a file name is shown as text.
    expect([...refs.values()].filter((note) => note.includes("测试S清单.xlsx"))).not.toEqual([]);
    expect(html).toContain(
      '<a href="https://example.org/s.pdf" rel="noreferrer noopener">https://example.org/s.pdf</a>，第 9 页',
    );
    expect(html).not.toContain('href="测试S清单.xlsx"');
  });

  it("has the gap summary and the districts compared", async () => {
    const { bytes } = await get(`/report/chain/${encodeURIComponent(INDUSTRY_S)}`);
    const html = bytes.toString("utf8");
    const gapRows = [
      ...html.matchAll(
        /data-gap="(\w+)"><td>[^<]* <span[^>]*>[^<]*<\/span><\/td><td class="number">(\d+)<\/td><td>([^<]*)<\/td>/g,
      ),
    ].map((m) => [m[1], Number(m[2]), m[3]]);
    expect(gapRows).toEqual([
      ["NO_LOCAL_ENTERPRISE", 2, "测试S-原料；测试S-物流"],
      ["NO_RESEARCH", 2, "测试S-原料；测试S-物流"],
      ["NO_SUPPORT", 2, "测试S-成品；测试S-物流"],
    ]);
    const districts = /<section id="districts">[\s\S]*?<tbody>\n([\s\S]*?)\n<\/tbody>/.exec(html);
    const cells = (districts?.[1] ?? "")
      .split("\n")
      .map((row) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]));
    // By hand: 测试S区 has 企业甲 and 研究院; 测试S县 平台 and 园区; no district: 企业乙, 基金, 政策.
    expect(cells).toEqual([
      ["测试S区", "1", "1", "0", "0", "2"],
      ["测试S县", "0", "1", "1", "0", "2"],
      ['未注明区县 <span class="en" lang="en">no district given</span>', "1", "0", "0", "2", "3"],
    ]);
  });

  it("answers a name as the API resolves it, the same as its id", async () => {
    const view = await chainMap(INDUSTRY_S);
    const strip = (html: string) => html.replace(/<time[^>]*>[^<]*<\/time>/, "");
    const byName = await get(`/report/chain/${encodeURIComponent(INDUSTRY_S)}`);
    const byId = await get(view.report.html);
    expect(byName.response.status).toBe(200);
    expect(strip(byName.bytes.toString("utf8"))).toBe(strip(byId.bytes.toString("utf8")));
  });

  it("keeps names and sources from an uploaded file as text, never markup", async () => {
    const { response, bytes } = await get(`/report/chain/${encodeURIComponent(INDUSTRY_T)}`);
    expect(response.status).toBe(200);
    const html = bytes.toString("utf8");
    expect(html).toContain(escapeHtml(MARKUP_MEMBER));
    expect(html).toContain("测试T-&lt;i&gt;环节&lt;/i&gt;");
    expect(html).toContain("<cite>&lt;b&gt;测试T来源&lt;/b&gt;</cite>");
    expect(html).toContain("<code>javascript:alert(1)</code>");
    expect(html).not.toMatch(/<script|<b>|<i>|href="javascript/i);
  });

  it("says so, instead of an empty table, for an industry without a chain map", async () => {
    const { response, bytes } = await get(`/report/chain/${encodeURIComponent("汽车")}`);
    expect(response.status).toBe(200);
    const html = bytes.toString("utf8");
    expect(html).toContain(
      '<p class="note">No chain map is loaded for 汽车: its segments, suppliers and gaps come from an imported chain map (npm run import, docs/chain-maps.md); the documents state none.</p>',
    );
    expect(html).not.toContain("<table");
  });
});

describe("refusals: plain text, never a stack trace", () => {
  it.each([
    ["", "不存在的产业XYZ"],
    [".xlsx", "不存在的产业XYZ"],
    [".csv", "不存在的产业XYZ"],
  ])("404 for an unknown industry (%s)", async (suffix, name) => {
    const { response, bytes } = await get(`/report/chain/${encodeURIComponent(name)}${suffix}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(bytes.toString("utf8")).toBe(`No industry has the id or name "${name}".\n`);
  });

  it("400 for an entity that is not an industry, by id and by name", async () => {
    for (const path of [
      "/report/chain/uestc",
      `/report/chain/${encodeURIComponent("电子科大")}.csv`,
    ]) {
      const { response, bytes } = await get(path);
      expect(response.status).toBe(400);
      expect(bytes.toString("utf8")).toBe("电子科技大学 is a University, not an Industry\n");
    }
  });

  it("hands an X-Neo4j-Bookmark on to Neo4j, as /graphql does: a header this API could not have given is 400, one Neo4j cannot parse too, a blank one changes nothing", async () => {
    const path = `/report/chain/${encodeURIComponent(INDUSTRY_T)}.csv`;
    const bad = await get(path, { "x-neo4j-bookmark": "FB:kcwQ" });
    expect([bad.response.status, bad.bytes.toString("utf8")]).toEqual([
      400,
      "The X-Neo4j-Bookmark header is not a bookmark this API gave: bookmark 1 is not base64url (letters, digits, - and _).\n",
    ]);
    // Well formed for this API, so it reaches Neo4j, which refuses it: proof the report hands it on.
    const forged = Buffer.from("not-a-bookmark", "utf8").toString("base64url");
    const refused = await get(path, { "x-neo4j-bookmark": forged });
    expect(refused.response.status).toBe(400);
    expect(refused.bytes.toString("utf8")).toMatch(
      /^The bookmark sent with the request is not one this database knows/,
    );
    const plain = await get(path);
    const blank = await get(path, { "x-neo4j-bookmark": " " });
    expect(plain.response.status).toBe(200);
    expect(blank.bytes.equals(plain.bytes)).toBe(true);
  });

  it("400 for a path that is not valid percent-encoding, 404 elsewhere under /report", async () => {
    const bad = await get("/report/chain/%E6%B1");
    expect([bad.response.status, bad.bytes.toString("utf8")]).toEqual([
      400,
      "Bad request: the path could not be read.\n",
    ]);
    const elsewhere = await get("/report/other");
    expect([elsewhere.response.status, elsewhere.bytes.toString("utf8")]).toEqual([
      404,
      "Not found: the chain report is at /report/chain/<industry id or name>.\n",
    ]);
  });
});

describe("the downloads hold the same rows as the GraphQL answer", () => {
  it("XLSX: the chain sheet row for row, then the gaps and districts sheets", async () => {
    const view = await chainMap(INDUSTRY_S);
    const expected = expectedRows(view);
    // By hand: 3 + 3 + 2 members, and one row for 测试S-物流, which has none.
    expect(expected).toHaveLength(9);
    expect(expected[8]).toEqual([
      "配套服务",
      "测试S-物流",
      "",
      "",
      "",
      "",
      "",
      "缺本地企业；缺高校院所与平台支撑；缺项目、基金与政策支持",
      "测试S重点企业清单(测试数据)",
      "",
      "",
      "测试S清单.xlsx",
      "5",
    ]);

    const { response, bytes } = await get(view.report.xlsx);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="chain-report-${view.industry.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${INDUSTRY_S}-产业链图谱报告.xlsx`)}`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["chain", "gaps", "districts"]);
    const chain = workbook.getWorksheet("chain");
    expect(sheetValues(chain)).toEqual([HEADER, ...expected]);
    expect(chain?.getRow(1).font?.bold).toBe(true);
    expect(chain?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    expect(sheetValues(workbook.getWorksheet("gaps")).slice(1)).toEqual(
      view.gaps.map((g) => [
        g.gap,
        g.labelZh,
        g.label,
        g.segments.map((s) => s.name).join("；"),
        g.segments.length,
      ]),
    );
    const { chainDistricts } = await api.ok(
      `query ($name: String!) { chainDistricts(industry: $name) {
        districts { district { name } total byStage { stage count } } } }`,
      { name: INDUSTRY_S },
    );
    expect(sheetValues(workbook.getWorksheet("districts")).slice(1)).toEqual(
      (
        chainDistricts.districts as {
          district: { name: string } | null;
          total: number;
          byStage: { count: number }[];
        }[]
      ).map((row) => [
        row.district?.name ?? "未注明区县",
        ...row.byStage.map((s) => s.count),
        row.total,
      ]),
    );
  });

  it("CSV: UTF-8 with a BOM, CRLF, the same rows", async () => {
    const view = await chainMap(INDUSTRY_S);
    const { response, bytes } = await get(view.report.csv);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="chain-report-${view.industry.id}.csv"; filename*=UTF-8''${encodeURIComponent(`${INDUSTRY_S}-产业链图谱报告.csv`)}`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows: string[][] = parse(text, { bom: true });
    expect(rows).toEqual([HEADER, ...expectedRows(view)]);
  });

  it("CSV of an industry without a chain map: the header alone", async () => {
    const { bytes } = await get(`/report/chain/${encodeURIComponent("汽车")}.csv`);
    expect(bytes.toString("utf8")).toBe(`\uFEFF${HEADER.join(",")}\r\n`);
  });
});

describe("with READS_REQUIRE_AUTH=true, the report needs what a query needs", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      READS_REQUIRE_AUTH: "true",
      API_KEYS: `reader:${KEYS.reader}`,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses no key and a wrong one with 401, admits a reader's key", async () => {
    const url = `${new URL(server.url).origin}/report/chain/${encodeURIComponent(INDUSTRY_S)}.csv`;
    const anonymous = await fetch(url);
    expect([anonymous.status, await anonymous.text()]).toEqual([
      401,
      "Authentication is required: send an API key (X-API-Key) or a bearer token.\n",
    ]);
    const wrong = await fetch(url, { headers: { "x-api-key": "not-a-key" } });
    expect([wrong.status, await wrong.text()]).toEqual([401, "The API key is not valid.\n"]);
    const reader = await fetch(url, { headers: { "x-api-key": KEYS.reader } });
    expect(reader.status).toBe(200);
    expect((await reader.text()).split("\r\n")).toHaveLength(11);
  });
});
