import { createHash } from "node:crypto";
import { CHAIN_POSITION_ZH, type ChainPosition } from "../model/chain-map";
import type { CitationRecord } from "../model/records";
import {
  CHAIN_GAP_LABELS,
  CHAIN_STAGE_LABELS,
  CHAIN_STAGES,
  type ChainGap,
  type ChainMapRecord,
  type ChainStage,
  type DistrictComparisonRecord,
} from "../services/chain-maps/chain-map.service";
import {
  chainReportRows,
  districtReportRows,
  gapSummaryRows,
  LIST_SEPARATOR,
  NO_DISTRICT,
  type ChainReportRow,
} from "../services/chain-maps/report-rows";

/**
 * The printable chain report (产业链图谱报告): one self-contained HTML page, its styles inline, no
 * script, no image, nothing fetched. Its rows come from chainReportRows, as the XLSX and CSV
 * downloads' do. Every text from the graph is escaped: names and sources come from uploaded files.
 */

const POSITION_EN: Readonly<Record<ChainPosition, string>> = {
  upstream: "Upstream",
  midstream: "Midstream",
  downstream: "Downstream",
  service: "Services",
};

/** The stage whose group a gap's row is shown in. */
const GAP_STAGE: Readonly<Record<ChainGap, ChainStage>> = {
  NO_LOCAL_ENTERPRISE: "enterprises",
  NO_RESEARCH: "research",
  NO_SUPPORT: "support",
};

const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --gap: #b42318; --gap-bg: #fde8e7; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
.en { color: var(--muted); font-weight: normal; }
.meta, .links { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.note { border-left: 4px solid var(--gap); background: var(--gap-bg); padding: 0.75rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.stage th { background: #eef2f6; font-weight: 600; }
tr.gap-row td, tr.gap-row th { background: var(--gap-bg); color: var(--gap); font-weight: 600; }
tr.none td { color: var(--muted); }
.segment { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
.segment.has-gaps { border-left: 6px solid var(--gap); }
.position { display: inline-block; min-width: 4.5rem; color: var(--muted); }
.gap-badges { margin: 0.3rem 0; padding: 0; list-style: none; }
.gap-badges li { display: inline; }
.gap-badge { display: inline-block; margin: 0 0.3rem 0.3rem 0; padding: 0.1rem 0.5rem; border-radius: 999px;
  background: var(--gap); color: #fff; font-size: 0.82rem; font-weight: 600; }
sup.ref a { text-decoration: none; }
ol.references { font-size: 0.88rem; padding-left: 2.5rem; }
ol.references li { margin: 0.2rem 0; word-break: break-all; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.downloads { display: none; }
  h2 { break-after: avoid; }
  .segment, tr { break-inside: avoid; }
  .gap-badge, tr.gap-row td, tr.gap-row th, .note, thead th, tr.stage th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The page's Content-Security-Policy: its one style element by hash, nothing else at all. */
export const REPORT_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value, safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Chinese, then English in a muted span. */
function both(zh: string, en: string): string {
  return `${escapeHtml(zh)} <span class="en" lang="en">${escapeHtml(en)}</span>`;
}

/** Generation time in Chengdu's time (UTC+8, no daylight saving), to the minute. */
export function beijingTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} 北京时间 (UTC+8)`;
}

/** An http(s) URL as a link; anything else (a file name, another scheme) is shown, not linked. */
function locationHtml(location: string): string {
  let url: URL | null;
  try {
    url = new URL(location);
  } catch {
    url = null;
  }
  if (url !== null && (url.protocol === "https:" || url.protocol === "http:"))
    return `<a href="${escapeHtml(url.href)}" rel="noreferrer noopener">${escapeHtml(location)}</a>`;
  return `<code>${escapeHtml(location)}</code>`;
}

/** Footnotes: each distinct citation once, numbered in order of first use. */
class References {
  private readonly numbers = new Map<string, number>();
  private readonly items: CitationRecord[] = [];

  ref(citation: CitationRecord | null): string {
    if (citation === null)
      return ` <span class="no-source">（无来源 <span lang="en">no source</span>）</span>`;
    const key = JSON.stringify([
      citation.title,
      citation.issuer,
      citation.date,
      citation.location,
      citation.page,
    ]);
    let number = this.numbers.get(key);
    if (number === undefined) {
      this.items.push(citation);
      number = this.items.length;
      this.numbers.set(key, number);
    }
    return `<sup class="ref"><a href="#ref-${number}">[${number}]</a></sup>`;
  }

  html(): string {
    if (this.items.length === 0) return "";
    const items = this.items.map((citation, index) => {
      const parts = [`<cite>${escapeHtml(citation.title)}</cite>`];
      if (citation.issuer !== null) parts.push(escapeHtml(citation.issuer));
      if (citation.date !== null) parts.push(escapeHtml(citation.date));
      parts.push(locationHtml(citation.location));
      if (citation.page !== null && citation.page !== "")
        parts.push(
          `第 ${escapeHtml(citation.page)} 页 <span lang="en">p. ${escapeHtml(citation.page)}</span>`,
        );
      return `<li id="ref-${index + 1}">${parts.join("，")}</li>`;
    });
    return `<section id="sources"><h2>${both("来源", "Sources")}</h2>
<ol class="references">
${items.join("\n")}
</ol></section>`;
  }
}

function gapBadge(gap: ChainGap): string {
  const label = CHAIN_GAP_LABELS[gap];
  return `<span class="gap-badge" data-gap="${gap}">缺口：${escapeHtml(label.zh)} <span lang="en">Gap: ${escapeHtml(label.en)}</span></span>`;
}

function names(list: readonly { name: string }[]): string {
  return list.length === 0 ? "—" : list.map((e) => escapeHtml(e.name)).join(LIST_SEPARATOR);
}

function segmentSection(rows: readonly ChainReportRow[], refs: References): string {
  const first = rows[0];
  if (first === undefined) return "";
  const segment = first.segment;
  // Numbered in reading order: the segment's own source first, then its members'.
  const segmentRef = refs.ref(segment.citation);
  const members = rows.filter((row) => row.member !== null);
  const groups = CHAIN_STAGES.map((stage) => {
    const label = CHAIN_STAGE_LABELS[stage];
    const inStage = members.filter((row) => row.member?.stage === stage);
    const lines = inStage.map(
      (row) => `<tr class="member" data-stage="${stage}">
<td>${escapeHtml(row.cells.member)}${refs.ref(row.citation)}</td>
<td>${escapeHtml(row.cells.role)}</td>
<td>${escapeHtml(row.cells.districts) || "—"}</td>
<td><code>${escapeHtml(row.cells.kind)}</code></td>
</tr>`,
    );
    const gaps = segment.gaps.filter((gap) => GAP_STAGE[gap] === stage);
    for (const gap of gaps)
      lines.push(
        `<tr class="gap-row" data-gap="${gap}"><td colspan="4">缺口：${escapeHtml(CHAIN_GAP_LABELS[gap].zh)} <span lang="en">Gap: ${escapeHtml(CHAIN_GAP_LABELS[gap].en)}</span></td></tr>`,
      );
    if (lines.length === 0)
      lines.push(`<tr class="none"><td colspan="4">无 <span lang="en">none</span></td></tr>`);
    return `<tr class="stage"><th colspan="4">${both(label.zh, label.en)}</th></tr>
${lines.join("\n")}`;
  });
  const badges =
    segment.gaps.length === 0
      ? ""
      : `<ul class="gap-badges">${segment.gaps.map((gap) => `<li>${gapBadge(gap)}</li>`).join("")}</ul>`;
  return `<section class="segment${segment.gaps.length > 0 ? " has-gaps" : ""}" data-segment="${escapeHtml(segment.segment.id)}">
<h3><span class="position">${both(CHAIN_POSITION_ZH[segment.position], POSITION_EN[segment.position])}</span> <span class="segment-name">${escapeHtml(segment.segment.name)}</span>${segmentRef}</h3>
<p class="links">上游环节 <span lang="en">supplied by</span>：${names(segment.suppliedBy)}\u3000下游环节 <span lang="en">supplies</span>：${names(segment.supplies)}</p>
${badges}
<table class="members">
<thead><tr><th>${both("主体", "Member")}</th><th>${both("角色", "Role")}</th><th>${both("所在区县", "Districts")}</th><th>${both("类型", "Kind")}</th></tr></thead>
<tbody>
${groups.join("\n")}
</tbody>
</table>
</section>`;
}

function overview(map: ChainMapRecord, rows: readonly ChainReportRow[]): string {
  const lines = map.segments.map((segment) => {
    const count = rows.filter((row) => row.segment === segment && row.member !== null).length;
    const gaps =
      segment.gaps.length === 0
        ? "—"
        : segment.gaps.map((gap) => escapeHtml(CHAIN_GAP_LABELS[gap].zh)).join(LIST_SEPARATOR);
    return `<tr${segment.gaps.length > 0 ? ' class="gap-row"' : ""}><td>${escapeHtml(CHAIN_POSITION_ZH[segment.position])}</td><td>${escapeHtml(segment.segment.name)}</td><td class="number">${count}</td><td>${gaps}</td></tr>`;
  });
  return `<section id="overview"><h2>${both("环节一览", "Segments at a glance")}</h2>
<table>
<thead><tr><th>${both("位置", "Position")}</th><th>${both("环节", "Segment")}</th><th class="number">${both("主体数", "Members")}</th><th>${both("缺口", "Gaps")}</th></tr></thead>
<tbody>
${lines.join("\n")}
</tbody>
</table></section>`;
}

function gapSummary(map: ChainMapRecord): string {
  const lines = gapSummaryRows(map).map(
    (row) =>
      `<tr${row.segments.length > 0 ? ' class="gap-row"' : ""} data-gap="${row.gap}"><td>${both(row.zh, row.en)}</td><td class="number">${row.segments.length}</td><td>${row.segments.length === 0 ? "—" : row.segments.map(escapeHtml).join(LIST_SEPARATOR)}</td></tr>`,
  );
  return `<section id="gaps"><h2>${both("缺口汇总", "Gap summary")}</h2>
<table>
<thead><tr><th>${both("缺口", "Gap")}</th><th class="number">${both("环节数", "Segments")}</th><th>${both("环节", "Which")}</th></tr></thead>
<tbody>
${lines.join("\n")}
</tbody>
</table></section>`;
}

function districtTable(comparison: DistrictComparisonRecord): string {
  const lines = districtReportRows(comparison).map(
    (row) =>
      `<tr><td>${row.district === null ? both(NO_DISTRICT.zh, NO_DISTRICT.en) : escapeHtml(row.district)}</td>${row.counts.map((count) => `<td class="number">${count}</td>`).join("")}<td class="number">${row.total}</td></tr>`,
  );
  const body =
    lines.length === 0
      ? `<tr class="none"><td colspan="${CHAIN_STAGES.length + 2}">无 <span lang="en">none</span></td></tr>`
      : lines.join("\n");
  return `<section id="districts"><h2>${both("区县对比", "Districts compared")}</h2>
<table>
<thead><tr><th>${both("区县", "District")}</th>${CHAIN_STAGES.map((stage) => `<th class="number">${both(CHAIN_STAGE_LABELS[stage].zh, CHAIN_STAGE_LABELS[stage].en)}</th>`).join("")}<th class="number">${both("合计", "Total")}</th></tr></thead>
<tbody>
${body}
</tbody>
</table></section>`;
}

export interface ReportPage {
  readonly map: ChainMapRecord;
  readonly districts: DistrictComparisonRecord;
  readonly generatedAt: Date;
  /** Where the downloads are, relative or absolute. */
  readonly downloads: { readonly xlsx: string; readonly csv: string };
}

/** The whole report page. */
export function renderChainReport(page: ReportPage): string {
  const { map } = page;
  const name = escapeHtml(map.industry.name);
  const refs = new References();
  let main: string;
  if (!map.dataAvailable) {
    main = `<section class="no-data"><h2>${both("未载入产业链图谱", "No chain map loaded")}</h2>
<p class="note">${escapeHtml(map.note ?? "")}</p></section>`;
  } else {
    const rows = chainReportRows(map);
    const sections = map.segments.map((segment) =>
      segmentSection(
        rows.filter((row) => row.segment === segment),
        refs,
      ),
    );
    main = `${overview(map, rows)}
<section id="segments"><h2>${both("环节详情", "Segment by segment")}</h2>
${sections.join("\n")}
</section>
${gapSummary(map)}
${districtTable(page.districts)}
${refs.html()}`;
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${name} 产业链图谱报告 / Chain report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1><span class="industry">${name}</span> 产业链图谱报告 <span class="en" lang="en">Chain report</span></h1>
<p class="meta">生成时间 <span lang="en">Generated</span>：<time datetime="${page.generatedAt.toISOString()}">${beijingTime(page.generatedAt)}</time>\u3000产业标识 <span lang="en">Industry id</span>：<code>${escapeHtml(map.industry.id)}</code></p>
<nav class="downloads">下载 <span lang="en">Download</span>：<a href="${escapeHtml(page.downloads.xlsx)}">XLSX</a> · <a href="${escapeHtml(page.downloads.csv)}">CSV</a></nav>
</header>
<main>
${main}
</main>
</body>
</html>
`;
}
