import { describe, expect, it } from "vitest";
import {
  CHAIN,
  DISTRICTS,
  EMPTY,
  FUND,
  HOSTILE,
  LAB,
  LEADER,
} from "../../../test/fixtures/chain-maps/report-record";
import {
  chainReportRows,
  districtHeader,
  districtReportRows,
  districtValues,
  gapSummaryRows,
  gapValues,
  reportHeader,
  roleText,
  rowValues,
} from "./report-rows";

describe("the chain report's rows (one builder for HTML, XLSX and CSV)", () => {
  it("gives one row per (segment, member) in chain order, and one for a segment without members", () => {
    const rows = chainReportRows(CHAIN);
    expect(rows.map(rowValues)).toEqual([
      [
        "上游",
        "测试R-材料",
        "企业",
        "测试R企业甲",
        "Enterprise",
        "链主企业",
        "测试R区；测试R县",
        "缺项目、基金与政策支持",
        "测试产业R图谱",
        "测试局",
        "2026-03",
        "https://example.org/r.pdf",
        "7",
      ],
      [
        "上游",
        "测试R-材料",
        "高校院所与平台",
        HOSTILE,
        "ResearchInstitute",
        "研发机构",
        "",
        "缺项目、基金与政策支持",
        "<b>标题</b>",
        "",
        "",
        "javascript:alert(1)",
        "",
      ],
      // A member without a citation: empty source columns.
      [
        "中游",
        "测试R-器件",
        "项目、基金与政策",
        "测试R基金",
        "Fund",
        "基金",
        "测试R区",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      [
        "中游",
        "测试R-器件",
        "高校院所与平台",
        HOSTILE,
        "ResearchInstitute",
        "研发机构",
        "",
        "",
        "<b>标题</b>",
        "",
        "",
        "javascript:alert(1)",
        "",
      ],
      [
        "中游",
        "测试R-器件",
        "企业",
        "测试R企业甲",
        "Enterprise",
        "链主企业",
        "测试R区；测试R县",
        "",
        "测试产业R图谱",
        "测试局",
        "2026-03",
        "https://example.org/r.pdf",
        "7",
      ],
      // The segment's own row: empty member columns, its gaps, the segment's citation.
      [
        "配套服务",
        "测试R-服务",
        "",
        "",
        "",
        "",
        "",
        "缺本地企业；缺高校院所与平台支撑；缺项目、基金与政策支持",
        "测试产业R图谱",
        "测试局",
        "2026-03",
        "https://example.org/r.pdf",
        "1",
      ],
    ]);
    expect(rows.map((row) => row.member)).toEqual([LEADER, LAB, FUND, LAB, LEADER, null]);
    expect(rows.map((row) => row.segment.segment.name)).toEqual([
      "测试R-材料",
      "测试R-材料",
      "测试R-器件",
      "测试R-器件",
      "测试R-器件",
      "测试R-服务",
    ]);
    expect(rows[5]?.citation?.sheet).toBe("segments");
  });

  it("has a header per column, key then Chinese, as the import format writes headers", () => {
    expect(reportHeader()).toEqual([
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
    ]);
    expect(rowValues(chainReportRows(CHAIN)[0]!)).toHaveLength(reportHeader().length);
  });

  it("gives no rows when no chain map is loaded", () => {
    expect(chainReportRows(EMPTY)).toEqual([]);
    expect(gapSummaryRows(EMPTY)).toEqual([]);
  });

  it("labels roles in Chinese, keeps an unknown key, and leaves none empty", () => {
    expect([roleText("supplier"), roleText("mystery"), roleText(null)]).toEqual([
      "配套企业",
      "mystery",
      "",
    ]);
  });

  it("sums up each gap with its segments in chain order", () => {
    expect(gapSummaryRows(CHAIN).map(gapValues)).toEqual([
      [
        "NO_LOCAL_ENTERPRISE",
        "缺本地企业",
        "No local enterprise: no enterprise with a district in the segment",
        "测试R-服务",
        1,
      ],
      [
        "NO_RESEARCH",
        "缺高校院所与平台支撑",
        "No university, institute or platform serves the segment",
        "测试R-服务",
        1,
      ],
      [
        "NO_SUPPORT",
        "缺项目、基金与政策支持",
        "No project, fund or policy supports the segment",
        "测试R-材料；测试R-服务",
        2,
      ],
    ]);
  });

  it("counts each district's members by stage, members without a district last", () => {
    expect(districtHeader()).toEqual([
      "district 区县",
      "enterprises 企业",
      "research 高校院所与平台",
      "carriers 载体园区",
      "support 项目、基金与政策",
      "total 合计",
    ]);
    expect(districtReportRows(DISTRICTS).map(districtValues)).toEqual([
      ["测试R区", 1, 0, 0, 1, 2],
      ["测试R县", 1, 0, 0, 0, 1],
      ["未注明区县", 0, 1, 0, 0, 1],
    ]);
  });
});
