import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPERATION } from "../../src/http/example-operation";
import { OFFLINE_NOTE_ID } from "../../src/http/landing-page";
import { foreignRequests, launchBrowser, openPage, screenshot } from "../helpers/browser";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * GraphiQL at /graphiql/ in a real Chromium: it opens with the example operation, runs it against
 * the service and shows the real answer, with every request to the service's own origin and no
 * page error (so the bundle runs under the page's CSP: script-src 'self', no eval). And Apollo's
 * landing page, with Apollo's hosts unreachable, shows the note linking the offline editors.
 */

let server: TestServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The text of the CodeMirror 5 editor inside `selector` (all of it, not only the lines drawn). The
 * code that runs in the page is given as text: the project's TypeScript has no DOM types.
 */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    `document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)})?.CodeMirror?.getValue() ?? ""`,
  ) as Promise<string>;
}

describe("GraphiQL", () => {
  it("runs the example operation and shows the real answer, offline and under its CSP", async () => {
    const expected = await gql(server.url, EXAMPLE_OPERATION);
    expect(expected.errors).toBeUndefined();
    expect(JSON.stringify(expected.data)).toContain("电子科大成都研究院");

    const { page, requests, errors } = await openPage(browser, `${origin}/graphiql/`);
    try {
      await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 15_000 });
      expect(await editorText(page, ".graphiql-query-editor")).toBe(EXAMPLE_OPERATION);

      await page.click(".graphiql-execute-button");
      await page.waitForFunction(
        `document.querySelector(".result-window .CodeMirror")?.CodeMirror?.getValue().includes("电子科大成都研究院")`,
        { timeout: 15_000 },
      );
      const shown = JSON.parse(await editorText(page, ".result-window")) as unknown;
      expect(shown).toEqual({ data: expected.data });
      // The pane draws the answer, not only holds it.
      expect(await page.$eval(".result-window", (element) => element.textContent)).toContain(
        "电子科大成都研究院",
      );
      await screenshot(page, "graphiql-01-example");

      expect(foreignRequests(requests, origin)).toEqual([]);
      expect(requests.filter((url) => url === `${origin}/graphql`).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);

      // It ran under the page's CSP, which is in force: an inline script is refused.
      const violated = await page.evaluate(`new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective));
        const inline = document.createElement("script");
        inline.textContent = "window.inlineRan = true";
        document.body.append(inline);
        setTimeout(() => resolve("no violation (inline ran: " + ("inlineRan" in window) + ")"), 2000);
      })`);
      expect(violated).toBe("script-src-elem");
    } finally {
      await page.close();
    }
  });

  it("shows the schema's descriptions in its documentation explorer, read by introspection", async () => {
    const { page, requests, errors } = await openPage(browser, `${origin}/graphiql/`);
    try {
      await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 15_000 });
      await page.click('button[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name", {
        timeout: 15_000,
      });
      await page.click(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name");
      await page.waitForFunction(
        `document.querySelector(".graphiql-doc-explorer")?.textContent?.includes("邻域")`,
        { timeout: 15_000 },
      );
      const docs = await page.$eval(".graphiql-doc-explorer", (element) => element.textContent);
      expect(docs).toContain("neighborhood");
      expect(docs).toContain("The entities and relationships within depth hops of an entity");
      await screenshot(page, "graphiql-02-docs");
      expect(foreignRequests(requests, origin)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("Apollo's landing page when Apollo's hosts are out of reach", () => {
  /** Opens the landing page with every request to another host answered by `foreign`. */
  async function openLanding(
    foreign: (request: HTTPRequest) => Promise<void>,
  ): Promise<{ page: Page; blocked: string[]; online: () => Promise<void> }> {
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.setRequestInterception(true);
    const handler = (request: HTTPRequest): void => {
      if (request.url().startsWith("data:") || new URL(request.url()).origin === origin) {
        void request.continue();
      } else {
        blocked.push(request.url());
        void foreign(request);
      }
    };
    page.on("request", handler);
    await page.setExtraHTTPHeaders({ accept: "text/html" });
    await page.goto(server.url, { waitUntil: "load" });
    const online = async (): Promise<void> => {
      page.off("request", handler);
      await page.setRequestInterception(false);
      await page.setExtraHTTPHeaders({});
    };
    return { page, blocked, online };
  }

  it("waits a few seconds when Sandbox's script loads but Sandbox never answers, then shows the note", async () => {
    // Sandbox's script arrives (from a cache, say) but its frame never loads: the script here
    // defines EmbeddedSandbox and does nothing else; every other foreign request fails.
    const { page, blocked } = await openLanding(async (request) => {
      if (request.resourceType() === "script") {
        await request.respond({
          status: 200,
          contentType: "text/javascript",
          body: "window.EmbeddedSandbox = function () {};",
        });
      } else {
        await request.abort("internetdisconnected");
      }
    });
    try {
      expect(blocked.length).toBeGreaterThan(0);
      expect(await page.evaluate("typeof window.EmbeddedSandbox")).toBe("function");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await page.$(`#${OFFLINE_NOTE_ID}[hidden]`), "hidden at first").not.toBeNull();
      await page.waitForSelector(`#${OFFLINE_NOTE_ID}:not([hidden])`, { timeout: 6_000 });
    } finally {
      await page.close();
    }
  });

  it("shows at once the note with links to /graphiql/ and /explore/, which lead to the editors", async () => {
    // An offline or intranet machine: every request to another host fails.
    const { page, blocked, online } = await openLanding((request) =>
      request.abort("internetdisconnected"),
    );
    try {
      expect(blocked.length).toBeGreaterThan(0);
      await page.waitForSelector(`#${OFFLINE_NOTE_ID}:not([hidden])`, { timeout: 3_000 });
      const links = await page.$$eval(`#${OFFLINE_NOTE_ID} a`, (anchors) =>
        anchors.map((anchor) => anchor.getAttribute("href")),
      );
      expect(links).toEqual(["/graphiql/", "/explore/"]);
      const visible = await page.evaluate(`(() => {
        const note = document.getElementById(${JSON.stringify(OFFLINE_NOTE_ID)});
        const box = note.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(note).display !== "none";
      })()`);
      expect(visible).toBe(true);
      await screenshot(page, "graphiql-03-sandbox-offline");

      await online();
      await Promise.all([page.waitForNavigation(), page.click(`#${OFFLINE_NOTE_ID} a`)]);
      expect(page.url()).toBe(`${origin}/graphiql/`);
      await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 15_000 });
    } finally {
      await page.close();
    }
  });
});
