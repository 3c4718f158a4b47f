import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHAIN, DISTRICTS, EMPTY, HOSTILE } from "../../test/fixtures/chain-maps/report-record";
import { beijingTime, escapeHtml, REPORT_POLICY, renderChainReport } from "./report-html";

const AT = new Date("2026-05-01T02:03:04Z");
const DOWNLOADS = { xlsx: "/report/chain/industry-r.xlsx", csv: "/report/chain/industry-r.csv" };
const html = renderChainReport({
  map: CHAIN,
  districts: DISTRICTS,
  generatedAt: AT,
  downloads: DOWNLOADS,
});

/** The segment sections, in page order. */
function sections(page: string): string[] {
  return page
    .split('<section class="segment')
    .slice(1)
    .map((rest) => rest.slice(0, rest.indexOf("</section>")));
}

describe("the chain report page", () => {
  it("escapes every text from the graph: a name with markup stays text", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>标题</b>");
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(HOSTILE)).toBe(
      "测试R&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;Co",
    );
    expect(html).toContain("<cite>&lt;b&gt;标题&lt;/b&gt;</cite>");
  });

  it("links only http(s) sources; another scheme is shown as text", () => {
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("<code>javascript:alert(1)</code>");
    expect(html).toContain('<a href="https://example.org/r.pdf" rel="noreferrer noopener">');
  });

  it("has its title, generation time and downloads", () => {
    expect(html).toContain("<title>测试产业R 产业链图谱报告 / Chain report</title>");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(
      '<time datetime="2026-05-01T02:03:04.000Z">2026-05-01 10:03 北京时间 (UTC+8)</time>',
    );
    expect(html).toContain('<a href="/report/chain/industry-r.xlsx">XLSX</a>');
  });

  it("shows each segment in chain order with its position, and gap badges only where gaps are", () => {
    const parts = sections(html);
    expect(parts.map((part) => /class="segment-name">([^<]*)</.exec(part)?.[1])).toEqual([
      "测试R-材料",
      "测试R-器件",
      "测试R-服务",
    ]);
    expect(parts.map((part) => /class="position">([^ ]*) /.exec(part)?.[1])).toEqual([
      "上游",
      "中游",
      "配套服务",
    ]);
    expect(
      parts.map((part) =>
        [...part.matchAll(/class="gap-badge" data-gap="(\w+)"/g)].map((m) => m[1]),
      ),
    ).toEqual([["NO_SUPPORT"], [], ["NO_LOCAL_ENTERPRISE", "NO_RESEARCH", "NO_SUPPORT"]]);
    expect(parts.map((part) => part.startsWith(' has-gaps"'))).toEqual([true, false, true]);
    expect(parts.map((part) => part.includes('class="gap-row"'))).toEqual([true, false, true]);
  });

  it("groups members by stage, each with its footnote, and colours the rows of gaps in their stage", () => {
    const [materials = ""] = sections(html);
    const stages = [...materials.matchAll(/<tr class="stage"><th colspan="4">([^ ]*) /g)].map(
      (m) => m[1],
    );
    expect(stages).toEqual(["企业", "高校院所与平台", "载体园区", "项目、基金与政策"]);
    expect(
      [
        ...materials.matchAll(
          /<tr class="member" data-stage="(\w+)">\n<td>([^<]*)<sup class="ref"><a href="#ref-(\d+)">/g,
        ),
      ].map((m) => [m[1], m[2], m[3]]),
    ).toEqual([
      ["enterprises", "测试R企业甲", "2"],
      ["research", escapeHtml(HOSTILE), "3"],
    ]);
    // The no-support gap sits in the support group, after its (empty) members.
    expect(materials).toContain(
      '<tr class="stage"><th colspan="4">项目、基金与政策 <span class="en" lang="en">Projects, funds and policies</span></th></tr>\n<tr class="gap-row" data-gap="NO_SUPPORT">',
    );
    // A member without a citation says so.
    expect(sections(html)[1]).toContain('测试R基金 <span class="no-source">（无来源');
  });

  it("numbers each distinct source once, with issuer, date, link and page", () => {
    const references = /<ol class="references">\n([\s\S]*?)\n<\/ol>/.exec(html)?.[1]?.split("\n");
    expect(references).toEqual([
      '<li id="ref-1"><cite>测试产业R图谱</cite>，测试局，2026-03，<a href="https://example.org/r.pdf" rel="noreferrer noopener">https://example.org/r.pdf</a>，第 1 页 <span lang="en">p. 1</span></li>',
      '<li id="ref-2"><cite>测试产业R图谱</cite>，测试局，2026-03，<a href="https://example.org/r.pdf" rel="noreferrer noopener">https://example.org/r.pdf</a>，第 7 页 <span lang="en">p. 7</span></li>',
      '<li id="ref-3"><cite>&lt;b&gt;标题&lt;/b&gt;</cite>，<code>javascript:alert(1)</code></li>',
    ]);
  });

  it("has the gap summary and the district comparison", () => {
    expect(html).toContain(
      '<tr class="gap-row" data-gap="NO_RESEARCH"><td>缺高校院所与平台支撑 <span class="en" lang="en">No university, institute or platform serves the segment</span></td><td class="number">1</td><td>测试R-服务</td></tr>',
    );
    const districts = /<section id="districts">[\s\S]*?<tbody>\n([\s\S]*?)\n<\/tbody>/.exec(
      html,
    )?.[1];
    expect(districts?.split("\n")).toEqual([
      '<tr><td>测试R区</td><td class="number">1</td><td class="number">0</td><td class="number">0</td><td class="number">1</td><td class="number">2</td></tr>',
      '<tr><td>测试R县</td><td class="number">1</td><td class="number">0</td><td class="number">0</td><td class="number">0</td><td class="number">1</td></tr>',
      '<tr><td>未注明区县 <span class="en" lang="en">no district given</span></td><td class="number">0</td><td class="number">1</td><td class="number">0</td><td class="number">0</td><td class="number">1</td></tr>',
    ]);
  });

  it("gives the note instead of tables when no chain map is loaded", () => {
    const empty = renderChainReport({
      map: EMPTY,
      districts: { ...DISTRICTS, districts: [] },
      generatedAt: AT,
      downloads: DOWNLOADS,
    });
    expect(empty).toContain('<p class="note">No chain map is loaded for 测试产业R: …</p>');
    expect(empty).not.toContain("<table");
    expect(empty).not.toContain('<section class="segment');
  });

  it("allows its one style element by hash and nothing else: no script, no image", () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(REPORT_POLICY).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(style).toContain("@media print");
    expect(html).not.toMatch(/<(script|img|link|iframe)\b/i);
    expect(html).not.toMatch(/ style="/);
  });

  it("tells Chengdu's time without daylight saving", () => {
    expect(beijingTime(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01 00:30 北京时间 (UTC+8)");
  });
});
