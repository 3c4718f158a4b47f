/**
 * The relationship explorer (/explore) in a real headless Chromium against the real API and Neo4j:
 * what a person does, step by step, with a screenshot after each (test-artifacts/browser/).
 * Expected names and counts are read from the API in the test, not written down from memory.
 * Step 10 imports a tiny chain map (import set fixture-explore) and removes it afterwards.
 *
 *   npx tsx scripts/build-web.ts && npx vitest run --project slow test/browser/explore.browser.test.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Core } from "cytoscape";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../../src/services";
import { parseChainMap } from "../../src/services/chain-maps/parse";
import { workbookOf, type FixtureTables } from "../fixtures/chain-maps/build";
import { runCypher } from "../helpers/db";
import {
  foreignRequests,
  launchBrowser,
  openPage,
  screenshot,
  type OpenedPage,
} from "../helpers/browser";
import { gql, startTestServer, type TestServer } from "../helpers/server";

declare global {
  interface Window {
    /** The page's read-only test hook (web/explore/main.ts). */
    __explorer?: {
      readonly cy: Core;
      readonly lastExport: { filename: string; text: string } | null;
    };
  }
}

const MAIN_JS = path.resolve(__dirname, "../../dist/web/explore/main.js");
const STEP_TIMEOUT = 60_000;

let server: TestServer;
let browser: Browser;
let origin: string;
let explore: string;
/** Every page the tests opened, for the checks on requests and errors at the end. */
const opened: OpenedPage[] = [];
/** The page the steps 1–7 share, as one person's session. */
let session: OpenedPage;

async function open(
  url: string,
  viewport?: { width: number; height: number },
): Promise<OpenedPage> {
  const page = await openPage(browser, url, viewport);
  opened.push(page);
  return page;
}

/** Waits until no request of the page is in flight (the page sets body[data-state]). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.state === "idle", { timeout: 20_000 });
}

function cyNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__explorer!.cy.nodes().map((node) => node.id()));
}

function listedNodeNames(page: Page): Promise<string[]> {
  return page.$$eval("#node-list .node-item", (items) =>
    items.map((item) => item.textContent ?? ""),
  );
}

async function clickListed(page: Page, id: string): Promise<void> {
  await page.click(`#node-list .node-item[data-id="${id}"]`);
  await idle(page);
}

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  explore = new URL("/explore/", server.url).href;
  browser = await launchBrowser();
  session = await open(explore);
  await idle(session.page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("relationship explorer /explore", () => {
  it(
    "1. finds entities as you type and draws the chosen one's neighbourhood",
    async () => {
      const { page } = session;
      await page.type("#search-input", "电子科");
      await page.waitForSelector('#search-list li[data-id="uestc-chengdu-research-institute"]', {
        visible: true,
      });
      const suggested = await page.$$eval("#search-list li[data-id]", (items) =>
        items.map((item) => ({
          id: item.getAttribute("data-id"),
          name: item.querySelector(".search-name")?.textContent,
        })),
      );
      const api = await gql<any>(
        server.url,
        `{ search(query: "电子科", first: 10) { edges { node { id name } } } }`,
      );
      expect(suggested).toEqual(api.data.search.edges.map((edge: any) => edge.node));
      expect(suggested.map((hit) => hit.name)).toContain("电子科大成都研究院");
      expect(suggested.map((hit) => hit.name)).toContain("电子科技大学");
      await screenshot(page, "explore-01-search");

      // Pick it with the keyboard: arrows to its row, Enter.
      const index = suggested.findIndex((hit) => hit.id === "uestc-chengdu-research-institute");
      for (let i = 0; i <= index; i++) await page.keyboard.press("ArrowDown");
      const active = await page.$eval("#search-input", (input) =>
        input.getAttribute("aria-activedescendant"),
      );
      expect(active).toBe(`search-option-${index}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        () => window.__explorer!.cy.getElementById("shuangliu-county").nonempty(),
        { timeout: 20_000 },
      );
      await idle(page);

      const view = await gql<any>(
        server.url,
        `{ neighborhood(id: "uestc-chengdu-research-institute") { nodes { id name } } }`,
      );
      expect((await cyNodeIds(page)).sort()).toEqual(
        view.data.neighborhood.nodes.map((n: any) => n.id).sort(),
      );
      expect(await listedNodeNames(page)).toContain("双流县");
      expect(new URL(page.url()).searchParams.get("id")).toBe("uestc-chengdu-research-institute");
      await screenshot(page, "explore-02-neighbourhood");
    },
    STEP_TIMEOUT,
  );

  it(
    "2. shows an edge's quote highlighted in its paragraph",
    async () => {
      const { page } = session;
      const id = "shuangliu-county|CO_BUILT|uestc-chengdu-research-institute";
      await page.click(`.details button[data-edge="${id}"]`);
      await page.waitForSelector(".details .evidence mark");
      const shown = await page.$eval(".details", (details) => ({
        title: details.querySelector(".detail-title")?.textContent,
        marks: [...details.querySelectorAll(".evidence mark")].map((mark) => mark.textContent),
        cite: details.querySelector(".evidence cite")?.textContent,
        kind: details.querySelector(".evidence-kind")?.textContent,
        confidence: details.querySelector(".confidence")?.textContent,
      }));
      const api = await gql<any>(
        server.url,
        `query($id: ID!) { edge(id: $id) { confidence evidence { quote documentTitle } } }`,
        { id },
      );
      const evidence = api.data.edge.evidence;
      expect(shown.marks).toEqual(evidence.map((item: any) => item.quote));
      expect(shown.marks[0]).toContain("双流县");
      expect(shown.cite).toBe(evidence[0].documentTitle);
      expect(shown.title).toBe("双流县 → 共建 → 电子科大成都研究院");
      expect(shown.kind).toBe("原文明确陈述");
      expect(shown.confidence).toBe(`置信度: ${api.data.edge.confidence.toFixed(2)}`);
      await screenshot(page, "explore-03-edge-evidence");
    },
    STEP_TIMEOUT,
  );

  it(
    "3. expands a node in place: new nodes added, the old ones the same objects in the same places",
    async () => {
      const { page } = session;
      await page.evaluate(() => {
        const cy = window.__explorer!.cy;
        (window as any).__before = cy
          .nodes()
          .map((node) => ({ node, position: { ...node.position() } }));
      });
      const before = await cyNodeIds(page);
      await clickListed(page, "uestc");
      const after = await cyNodeIds(page);

      const api = await gql<any>(
        server.url,
        `{ neighborhood(id: "uestc", depth: 1) { nodes { id } } }`,
      );
      const expected = new Set([...before, ...api.data.neighborhood.nodes.map((n: any) => n.id)]);
      expect(new Set(after)).toEqual(expected);
      expect(after.length).toBeGreaterThan(before.length);
      const kept = await page.evaluate(() => {
        const cy = window.__explorer!.cy;
        return (window as any).__before.every(
          ({ node, position }: any) =>
            cy.getElementById(node.id()) === node &&
            node.position().x === position.x &&
            node.position().y === position.y,
        );
      });
      expect(kept).toBe(true);
      // The side panel now tells the expanded node's links as a count of shown ones.
      const degree = await gql<any>(
        server.url,
        `{ neighborhood(id: "uestc", depth: 1) { nodes { id degree } } }`,
      );
      const uestc = degree.data.neighborhood.nodes.find((n: any) => n.id === "uestc");
      expect(await page.$eval(".details .links-shown", (el) => el.textContent)).toMatch(
        new RegExp(`^共 ${uestc.degree} 条关系，显示 \\d+ 条$`),
      );
      await screenshot(page, "explore-04-expanded");
    },
    STEP_TIMEOUT,
  );

  it(
    "4. switches to English without fetching anything",
    async () => {
      const { page, requests } = session;
      const sent = requests.length;
      await page.click("#lang");
      const label = await page.evaluate(() =>
        window.__explorer!.cy.getElementById("shuangliu-county").data("label"),
      );
      expect(label).toMatch(/^Shuangliu County( \+)?$/);
      expect(await listedNodeNames(page)).toContain("Shuangliu County");
      expect(await page.$eval("#lang", (el) => el.textContent)).toBe("中文");
      expect(requests.length).toBe(sent);
      expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
      await screenshot(page, "explore-05-english");
      await page.click("#lang");
      expect(await listedNodeNames(page)).toContain("双流县");
    },
    STEP_TIMEOUT,
  );

  it(
    "5. finds and highlights the paths between two entities",
    async () => {
      const { page } = session;
      await clickListed(page, "shuangliu-county");
      await page.click('.details button[data-action="path-from"]');
      await clickListed(page, "uestc");
      await page.click('.details button[data-action="path-to"]');
      expect(await page.$eval('[data-path-end="from"]', (el) => el.textContent)).toBe("双流县");
      expect(await page.$eval('[data-path-end="to"]', (el) => el.textContent)).toBe("电子科技大学");
      await page.click("#find-path");
      await page.waitForSelector(".path-list li, .path-none");

      const api = await gql<any>(
        server.url,
        `{ paths(fromId: "shuangliu-county", toId: "uestc", maxHops: 4) { nodes { id name } hops { id } } }`,
      );
      const paths = api.data.paths;
      expect(paths.length).toBeGreaterThan(0);
      const listed = await page.$$eval(".path-list li", (items) =>
        items.map((item) => item.textContent),
      );
      expect(listed).toEqual(paths.map((p: any) => p.nodes.map((n: any) => n.name).join(" → ")));
      const highlighted = await page.evaluate(() => {
        const cy = window.__explorer!.cy;
        return {
          nodes: cy
            .nodes(".path")
            .map((node) => node.data("name") as string)
            .sort(),
          edges: cy
            .edges(".path")
            .map((edge) => edge.id())
            .sort(),
        };
      });
      expect(highlighted.nodes).toEqual(
        [...new Set(paths.flatMap((p: any) => p.nodes.map((n: any) => n.name)))].sort(),
      );
      expect(highlighted.edges).toEqual(
        [...new Set(paths.flatMap((p: any) => p.hops.map((h: any) => h.id)))].sort(),
      );
      await screenshot(page, "explore-06-path");
    },
    STEP_TIMEOUT,
  );

  it(
    "6. shows the 汽车 innovation chain stage by stage, and opens an item in the graph",
    async () => {
      const { page } = session;
      await page.select("#industry", "industry-automobile");
      await page.click("#chain-show");
      await page.waitForSelector('.stage[data-stage="SUPPORT"]');
      const api = await gql<any>(
        server.url,
        `{ innovationChain(industryId: "industry-automobile", first: 20) { stages { key items { entity { id name } } } } }`,
      );
      const shown = await page.$$eval(".stage", (stages) =>
        stages.map((stage) => ({
          key: stage.getAttribute("data-stage"),
          items: [...stage.querySelectorAll(":scope > .stage-items > .stage-item > button")].map(
            (button) => button.textContent,
          ),
        })),
      );
      const expected = api.data.innovationChain.stages.map((stage: any) => ({
        key: stage.key,
        items: stage.items.map((item: any) => item.entity.name),
      }));
      expect(shown.map((stage) => stage.key)).toEqual([
        "ROADMAPS",
        "PROJECTS",
        "INSTITUTIONS",
        "CARRIERS",
        "SUPPORT",
      ]);
      expect(shown.map((s) => ({ key: s.key, items: [...s.items].sort() }))).toEqual(
        expected.map((s: any) => ({ key: s.key, items: [...s.items].sort() })),
      );
      await screenshot(page, "explore-07-chain");

      const roadmap = api.data.innovationChain.stages[0].items[0].entity;
      await page.click(`.stage[data-stage="ROADMAPS"] button[data-id="${roadmap.id}"]`);
      await page.waitForFunction(
        (id: string) => window.__explorer!.cy.getElementById(id).data("depth") === 0,
        { timeout: 20_000 },
        roadmap.id,
      );
      await idle(page);
      expect(await page.$eval(".details .detail-title", (el) => el.textContent)).toBe(roadmap.name);
      const params = new URL(page.url()).searchParams;
      expect(params.get("id")).toBe(roadmap.id);
      expect(params.get("chain")).toBe("industry-automobile");
      await screenshot(page, "explore-08-chain-item-opened");
    },
    STEP_TIMEOUT,
  );

  it(
    "7. filters by kind, exports the view as CSV and GraphML, and a reload restores the view",
    async () => {
      const { page } = session;
      // Back to a view with districts in it, then hide the districts.
      await page.goto(`${explore}?id=uestc-chengdu-research-institute&depth=2`, {
        waitUntil: "load",
      });
      await page.waitForFunction(() => window.__explorer!.cy.nodes().length > 0, {
        timeout: 20_000,
      });
      await idle(page);
      await page.click('#filters input[name="kind"][value="District"]');
      expect(new URL(page.url()).searchParams.get("hideKinds")).toBe("District");
      expect(await listedNodeNames(page)).not.toContain("双流县");
      // Cytoscape caches whether an element is visible: right after the click, a district the
      // filter hid had class "hidden" and display "none" and still answered visible() (2 runs
      // of 3 here). Wait, frame by frame, until visible() agrees with the filter applied.
      await page.waitForFunction(
        () =>
          window
            .__explorer!.cy.nodes()
            .filter((node) => node.hasClass("hidden") && node.visible())
            .empty(),
        { timeout: 5_000 },
      );

      const visible = await page.evaluate(() => {
        const cy = window.__explorer!.cy;
        const shown = cy.nodes().filter((node) => node.visible());
        return {
          nodes: shown.map((n) => [n.id(), n.data("kind"), n.data("name"), n.data("nameEn") ?? ""]),
          edges: cy
            .edges()
            .filter((edge) => edge.visible())
            .map((e) => [
              e.id(),
              e.data("type"),
              e.data("source"),
              e.data("target"),
              e.data("evidenceKind"),
              String(e.data("confidence")),
            ]),
        };
      });
      expect(visible.nodes.some((row) => row[1] === "District")).toBe(false);

      await page.click('[data-export="nodes-csv"]');
      const nodes = await page.evaluate(() => window.__explorer!.lastExport);
      expect(nodes?.filename).toBe("explore-nodes.csv");
      expect(nodes!.text.startsWith("\uFEFF")).toBe(true);
      const nodeRows = parseCsv(nodes!.text.slice(1));
      expect(nodeRows[0]).toEqual(["id", "kind", "name", "nameEn"]);
      expect(nodeRows.slice(1).sort()).toEqual([...visible.nodes].sort());

      await page.click('[data-export="edges-csv"]');
      const edges = await page.evaluate(() => window.__explorer!.lastExport);
      const edgeRows = parseCsv(edges!.text.slice(1));
      expect(edgeRows[0]).toEqual(["id", "type", "source", "target", "evidenceKind", "confidence"]);
      expect(edgeRows.slice(1).sort()).toEqual([...visible.edges].sort());
      expect(edgeRows.length).toBeGreaterThan(1);

      await page.click('[data-export="graphml"]');
      const graphml = (await page.evaluate(() => window.__explorer!.lastExport))!.text;
      expect(graphml.match(/<node /g)?.length).toBe(visible.nodes.length);
      expect(graphml.match(/<edge /g)?.length).toBe(visible.edges.length);
      expect(graphml).toContain(
        '<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
      );
      await screenshot(page, "explore-09-filtered-export");

      await page.reload({ waitUntil: "load" });
      await page.waitForFunction(() => window.__explorer!.cy.nodes().length > 0, {
        timeout: 20_000,
      });
      await idle(page);
      expect(await page.$eval("#depth", (select) => (select as HTMLSelectElement).value)).toBe("2");
      expect(await page.$eval('#filters input[value="District"]', (box) => box.checked)).toBe(
        false,
      );
      expect((await listedNodeNames(page)).sort()).toEqual(
        visible.nodes.map((row) => row[2]).sort(),
      );
    },
    STEP_TIMEOUT,
  );

  it(
    "8. fits a phone, loads only from its own origin, and its script is under 1 MB gzipped",
    async () => {
      const phone = await open(`${explore}?id=uestc-chengdu-research-institute`, {
        width: 390,
        height: 844,
      });
      await phone.page.waitForFunction(() => window.__explorer!.cy.nodes().length > 0, {
        timeout: 20_000,
      });
      await idle(phone.page);
      const layout = await phone.page.evaluate(() => ({
        graphBottom: document.querySelector(".graph-area")!.getBoundingClientRect().bottom,
        sideTop: document.querySelector(".side")!.getBoundingClientRect().top,
        scrollWidth: document.documentElement.scrollWidth,
      }));
      expect(layout.sideTop).toBeGreaterThanOrEqual(layout.graphBottom - 1);
      expect(layout.scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(phone.page, "explore-10-phone");

      // Every page of steps 1–8: own origin only, no error. Then close them, so their drawing
      // loops do not compete with the timed page of step 9 on this 2-core machine.
      for (const page of opened.splice(0)) {
        expect(foreignRequests(page.requests, origin)).toEqual([]);
        expect(page.errors).toEqual([]);
        await page.page.close();
      }
      const gzipped = gzipSync(readFileSync(MAIN_JS)).length;
      console.info(`[explore] main.js: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
      expect(gzipped).toBeLessThan(1024 * 1024);
    },
    STEP_TIMEOUT,
  );

  // How fast it draws is measured by `npm run bench:explore` (median of cold browsers), not here.
  it("9. draws a 50-node view in a cold browser, from the URL alone", async () => {
    const id = "industrial-cluster-projects";
    const url = `${explore}?id=${id}&depth=3&limit=50`;
    const api = await gql<any>(
      server.url,
      `{ neighborhood(id: "${id}", depth: 3, limit: 50) { nodes { id } } }`,
    );
    expect(api.data.neighborhood.nodes).toHaveLength(50);
    const fresh = await launchBrowser();
    try {
      const measured = await openPage(fresh, url);
      await measured.page.waitForFunction(
        () => performance.getEntriesByName("view-drawn").length > 0,
        { timeout: 20_000 },
      );
      const drawn = await measured.page.evaluate(() =>
        window.__explorer!.cy.nodes().map((node) => node.id()),
      );
      expect(new Set(drawn)).toEqual(
        new Set(api.data.neighborhood.nodes.map((node: { id: string }) => node.id)),
      );
      await idle(measured.page);
      await screenshot(measured.page, "explore-11-fifty-nodes");
      expect(foreignRequests(measured.requests, origin)).toEqual([]);
      expect(measured.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

// FIXTURE: a tiny chain map written for this test (测试浏览产业E and its organisations are
// fictional), imported as fixture-explore before step 10 and removed after it. Source E1 is a web
// page; E2's location is a javascript: URL and its title is markup, which the page must show as text.
const IMPORT_SET = "fixture-explore";
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">测试浏览E来源乙';
const FIXTURE: FixtureTables = {
  sources: [
    {
      key: "E1",
      title: "测试浏览产业E产业链图谱(测试数据)",
      issuer: "测试浏览发布机构",
      date: "2026-04",
      url_or_file: "https://example.org/e.pdf",
    },
    { key: "E2", title: HOSTILE_TITLE, url_or_file: "javascript:window.__pwned=1" },
  ],
  segments: [
    { industry: "测试浏览产业E", segment: "测试浏览E-芯片", position: "中游", source: "E1" },
  ],
  members: [
    {
      name: "测试浏览E企业甲",
      kind: "企业",
      role: "链主",
      segments: "测试浏览E-芯片",
      industry: "测试浏览产业E",
      source: "E1",
      page: "12",
    },
    {
      name: "测试浏览E企业乙",
      kind: "企业",
      role: "配套",
      segments: "测试浏览E-芯片",
      industry: "测试浏览产业E",
      source: "E2",
      page: "3",
    },
  ],
  links: [],
};

/** The clean-up of test/graphql/chain-maps.test.ts, for this test's import set. */
async function removeImportFixture(): Promise<void> {
  await runCypher(`MATCH ()-[r]->() WHERE r.importSet = $set DELETE r`, { set: IMPORT_SET });
  await runCypher(`MATCH (n:Entity) WHERE n.importSet = $set DETACH DELETE n`, { set: IMPORT_SET });
  await runCypher(`MATCH (f:NameForm) WHERE NOT (f)-[:NAMES]->() DELETE f`);
  await runCypher(`MATCH (i:ChainMapImport {importSet: $set}) DELETE i`, { set: IMPORT_SET });
}

interface CitationShown {
  readonly heading: string | null;
  readonly kind: string | null;
  readonly rows: Record<string, string>;
  readonly cite: string | null;
  readonly links: { href: string; text: string }[];
  readonly code: string | null;
  readonly markup: number;
  readonly noEvidence: boolean;
}

/** What the details panel shows of an edge's citation. */
function shownCitation(page: Page): Promise<CitationShown> {
  return page.$eval(".details", (details) => {
    const citation = details.querySelector(".citation");
    const rows: Record<string, string> = {};
    citation?.querySelectorAll("dt").forEach((dt) => {
      rows[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
    });
    return {
      heading: citation?.previousElementSibling?.textContent ?? null,
      kind: details.querySelector(".evidence-kind")?.textContent ?? null,
      rows,
      cite: citation?.querySelector("cite")?.textContent ?? null,
      links: [...(citation?.querySelectorAll("a") ?? [])].map((a) => ({
        href: a.getAttribute("href") ?? "",
        text: a.textContent ?? "",
      })),
      code: citation?.querySelector("code")?.textContent ?? null,
      markup: details.querySelectorAll("img, script").length,
      noEvidence: details.textContent?.includes("没有原文证据") ?? false,
    };
  });
}

describe("relationship explorer /explore: links imported from a chain map", () => {
  beforeAll(async () => {
    await removeImportFixture();
    const parsed = await parseChainMap(await workbookOf(FIXTURE), "e.xlsx");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const services = createServices(server.db, { id: "test", roles: ["editor"], anonymous: false });
    const result = await services.chainMaps.apply(parsed.map, {
      importSet: IMPORT_SET,
      actor: "test",
    });
    expect(result.conflicts).toEqual([]);
  }, 120_000);

  afterAll(removeImportFixture);

  /** The organisation's id and its IN_SEGMENT relation, as the API gives them. */
  async function importedLink(name: string): Promise<{ id: string; relation: any }> {
    const api = await gql<any>(
      server.url,
      `query($name: String!) { resolve(name: $name) { id relations(types: [IN_SEGMENT]) {
        id evidenceKind evidence { quote }
        citation { title issuer date location page importSet sheet } } } }`,
      { name },
    );
    const [entity] = api.data.resolve;
    expect(entity.relations).toHaveLength(1);
    return { id: entity.id, relation: entity.relations[0] };
  }

  it(
    "10. shows an imported edge's citation, links only an http(s) location, and draws it dash-dot",
    async () => {
      const first = await importedLink("测试浏览E企业甲");
      expect(first.relation.evidenceKind).toBe("imported");
      expect(first.relation.evidence).toEqual([]);
      const citation = first.relation.citation;
      expect(citation).toMatchObject({ page: "12", importSet: IMPORT_SET });

      // Depth 2: the segment, its other member and its industry too, all imported.
      const opened = await open(`${explore}?id=${encodeURIComponent(first.id)}&depth=2`);
      const { page } = opened;
      await page.waitForSelector(`.details button[data-edge="${first.relation.id}"]`, {
        timeout: 20_000,
      });
      await idle(page);
      // Drawn teal and dash-dot (before it is selected, which draws any edge blue).
      const line = await page.evaluate((id: string) => {
        const edge = window.__explorer!.cy.getElementById(id);
        return [
          edge.style("line-style"),
          edge.style("line-dash-pattern"),
          edge.style("line-color"),
        ];
      }, first.relation.id);
      expect(line).toEqual(["dashed", "8 3 2 3", "rgb(0,137,123)"]);
      await page.click(`.details button[data-edge="${first.relation.id}"]`);
      await idle(page);
      await page.waitForSelector(".details .citation");
      const shown = await shownCitation(page);
      expect(shown.heading).toBe("导入的链图");
      expect(shown.kind).toBe("链图导入");
      expect(shown.cite).toBe(citation.title);
      expect(shown.rows).toEqual({
        来源标题: citation.title,
        发布机构: citation.issuer,
        日期: citation.date,
        页码: "12",
        网址或文件: citation.location,
        导入批次: IMPORT_SET,
        工作表: citation.sheet,
      });
      expect(shown.links).toEqual([{ href: "https://example.org/e.pdf", text: citation.location }]);
      expect(shown.noEvidence).toBe(false);
      expect(
        await page.$eval("#legend .line.imported", (el) => el.parentElement?.textContent),
      ).toBe("链图导入");
      await screenshot(page, "explore-imported");

      // In English, the same citation under the English heading.
      await page.click("#lang");
      expect(
        await page.$eval(".details .citation", (el) => el.previousElementSibling?.textContent),
      ).toBe("Imported from a chain map");
      await page.click("#lang");

      // A javascript: location is shown as text, never a link; a markup title stays text.
      const second = await importedLink("测试浏览E企业乙");
      expect(second.relation.citation.location).toBe("javascript:window.__pwned=1");
      await page.goto(`${explore}?id=${encodeURIComponent(second.id)}`, { waitUntil: "load" });
      await page.waitForSelector(`.details button[data-edge="${second.relation.id}"]`, {
        timeout: 20_000,
      });
      await idle(page);
      await page.click(`.details button[data-edge="${second.relation.id}"]`);
      await idle(page);
      await page.waitForSelector(".details .citation");
      const hostile = await shownCitation(page);
      expect(hostile.links).toEqual([]);
      expect(hostile.code).toBe("javascript:window.__pwned=1");
      expect(hostile.cite).toBe(HOSTILE_TITLE);
      expect(hostile.rows["页码"]).toBe("3");
      expect(hostile.markup).toBe(0);
      expect(await page.$$eval(".details a", (links) => links.length)).toBe(0);
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

      // The organisation's own details list the source it cites.
      await page.click(`#node-list .node-item[data-id="${second.id}"]`);
      await idle(page);
      await page.waitForSelector(".details .citation");
      expect(await page.$eval(".details .citation cite", (el) => el.textContent)).toBe(
        HOSTILE_TITLE,
      );

      expect(foreignRequests(opened.requests, origin)).toEqual([]);
      expect(opened.errors).toEqual([]);
      await page.close();
    },
    STEP_TIMEOUT,
  );
});
