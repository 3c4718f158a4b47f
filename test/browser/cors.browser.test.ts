import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, screenshot } from "../helpers/browser";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * Cross-origin access in a real Chromium: a page on another origin (a plain node:http server on
 * another loopback port) fetches a neighbourhood from the API with a JSON POST and draws it. From
 * an origin on CORS_ORIGINS it shows the real nodes; from one that is not, the browser's fetch
 * rejects (the API refuses the preflight) and the page shows the failure.
 */

const NEIGHBORHOOD = `{
  neighborhood(id: "shuangliu-county", depth: 1) {
    nodes { id name }
    edges { source target type }
  }
}`;

interface View {
  readonly neighborhood: {
    readonly nodes: { id: string; name: string }[];
    readonly edges: { source: string; target: string; type: string }[];
  };
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>A neighbourhood from another origin</title>
    <style>
      body { font-family: "Noto Sans CJK SC", sans-serif; margin: 1em; }
      #status.failed { color: #b00020; font-weight: bold; }
      svg { border: 1px solid #ccc; }
      line { stroke: #999; }
      circle { fill: #1a73e8; }
      text { font-size: 12px; }
    </style>
  </head>
  <body>
    <h1>双流 (shuangliu-county), one hop</h1>
    <p id="status">loading…</p>
    <svg id="graph" width="900" height="640" viewBox="0 0 900 640"></svg>
    <ul id="nodes"></ul>
    <script src="app.js"></script>
  </body>
</html>
`;

/** The page's script: a separate file, as a real page would have it. */
const SCRIPT = `
(function () {
  var api = new URLSearchParams(location.search).get("api");
  var status = document.getElementById("status");
  var svg = document.getElementById("graph");
  var list = document.getElementById("nodes");
  var NS = "http://www.w3.org/2000/svg";
  function el(name, attributes, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function draw(view) {
    var nodes = view.nodes, place = {};
    nodes.forEach(function (node, i) {
      var angle = (2 * Math.PI * i) / nodes.length;
      place[node.id] = i === 0 ? { x: 450, y: 320 } : { x: 450 + 260 * Math.cos(angle), y: 320 + 260 * Math.sin(angle) };
    });
    view.edges.forEach(function (edge) {
      var a = place[edge.source], b = place[edge.target];
      if (a && b) svg.appendChild(el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "data-type": edge.type }));
    });
    nodes.forEach(function (node) {
      var p = place[node.id];
      svg.appendChild(el("circle", { cx: p.x, cy: p.y, r: 6 }));
      svg.appendChild(el("text", { x: p.x + 9, y: p.y + 4, "data-id": node.id }, node.name));
      var item = document.createElement("li");
      item.dataset.id = node.id;
      item.textContent = node.name;
      list.appendChild(item);
    });
    status.textContent = "drawn: " + nodes.length + " nodes, " + view.edges.length + " edges";
    status.className = "drawn";
  }
  fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: ${JSON.stringify(NEIGHBORHOOD)} })
  })
    .then(function (response) { return response.json(); })
    .then(function (body) {
      if (body.errors) throw new Error(body.errors[0].message);
      draw(body.data.neighborhood);
    })
    .catch(function (error) {
      status.textContent = "failed: " + error.name + ": " + error.message;
      status.className = "failed";
    });
})();
`;

/** A plain static server on a free loopback port: the page at /, its script at /app.js. */
async function startStatic(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (pathname === "/app.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(SCRIPT);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let allowedSite: Awaited<ReturnType<typeof startStatic>>;
let otherSite: Awaited<ReturnType<typeof startStatic>>;
let api: TestServer;
let browser: Browser;
let expected: View["neighborhood"];

beforeAll(async () => {
  [allowedSite, otherSite] = await Promise.all([startStatic(), startStatic()]);
  api = await startTestServer({ CORS_ORIGINS: allowedSite.origin });
  const direct = await gql<View>(api.url, NEIGHBORHOOD);
  expect(direct.errors).toBeUndefined();
  expected = direct.data!.neighborhood;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await Promise.all([allowedSite?.close(), otherSite?.close()]);
});

const statusOf = async (page: Page): Promise<{ text: string; className: string }> => {
  await page.waitForSelector("#status.drawn, #status.failed", { timeout: 15_000 });
  return page.$eval("#status", (element) => ({
    text: element.textContent ?? "",
    className: element.className,
  }));
};

describe("a page on another origin", () => {
  it("on CORS_ORIGINS: fetches the neighbourhood of 双流 and draws the real nodes", async () => {
    // The real answer: shuangliu-county and what it links to, so the drawing has something to show.
    expect(expected.nodes.map((node) => node.id)).toContain("shuangliu-county");
    expect(expected.nodes.length).toBeGreaterThan(3);
    expect(expected.edges.length).toBeGreaterThan(2);

    const url = `${allowedSite.origin}/?api=${encodeURIComponent(api.url)}`;
    const { page, requests, errors } = await openPage(browser, url);
    try {
      const status = await statusOf(page);
      expect(status).toEqual({
        text: `drawn: ${expected.nodes.length} nodes, ${expected.edges.length} edges`,
        className: "drawn",
      });
      const listed = await page.$$eval("#nodes li", (items) =>
        items.map((item) => [item.getAttribute("data-id"), item.textContent]),
      );
      expect(listed).toEqual(expected.nodes.map((node) => [node.id, node.name]));
      const drawn = await page.$$eval("#graph text", (texts) => texts.map((t) => t.textContent));
      expect(drawn).toEqual(expected.nodes.map((node) => node.name));
      const lines = await page.$$eval("#graph line", (found) => found.length);
      expect(lines).toBe(expected.edges.length);
      await screenshot(page, "cors-01-allowed");

      expect(requests).toContain(`${allowedSite.origin}/app.js`);
      expect(requests).toContain(api.url);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("not on CORS_ORIGINS: the browser's fetch rejects with a TypeError and the page says so", async () => {
    const url = `${otherSite.origin}/?api=${encodeURIComponent(api.url)}`;
    const { page, requests, errors } = await openPage(browser, url);
    try {
      const status = await statusOf(page);
      expect(status.className).toBe("failed");
      expect(status.text).toBe("failed: TypeError: Failed to fetch");
      expect(await page.$$eval("#nodes li", (items) => items.length)).toBe(0);
      await screenshot(page, "cors-02-refused");

      expect(requests).toContain(api.url);
      // Chromium names the cause on its console: the preflight was refused, no ACAO header.
      expect(errors.join("\n")).toMatch(/blocked by CORS policy/);
    } finally {
      await page.close();
    }
  });
});
