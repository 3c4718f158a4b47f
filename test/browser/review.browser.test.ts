/**
 * The explorer's review view (/explore/, tab 审核) in a real headless Chromium against the real API
 * and Neo4j: a curator enters an editor key, picks the fixture second document, accepts an entity
 * candidate and rejects a relationship candidate by clicking, and GraphQL then shows what the
 * clicks wrote. Saves test-artifacts/browser/review-queue.png.
 *
 * FIXTURE: the document is test/fixtures/documents/second-document.ts (fictional, 测试…); what it
 * wrote is removed after the file.
 *
 *   npx tsx scripts/build-web.ts && npx vitest run --project slow test/browser/review.browser.test.ts
 */
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SECOND_DOCUMENT_DATE,
  SECOND_DOCUMENT_LINES,
  SECOND_DOCUMENT_TEXT,
} from "../fixtures/documents/second-document";
import { foreignRequests, launchBrowser, openPage, screenshot } from "../helpers/browser";
import type { OpenedPage } from "../helpers/browser";
import { AUTH_ENV, as, KEYS } from "../helpers/curation";
import { removeIngested } from "../helpers/ingested";
import { gql, startTestServer, type Data, type TestServer } from "../helpers/server";

const STEP_TIMEOUT = 60_000;
const INSTITUTE = "测试理工大学成都研究院";

let server: TestServer;
let browser: Browser;
let origin: string;
let documentId = "";
/** One curator's tab, shared by the steps in order. */
let session: OpenedPage;
/** The GraphQL requests the page sent: headers and body, to check what carried the key. */
const sent: { headers: Record<string, string>; body: string; url: string }[] = [];

async function editor(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await gql<Data>(server.url, query, variables, as("editor"));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data ?? {};
}

interface Listed {
  id: string;
  kind: string;
  status: string;
  name: string | null;
  type: string | null;
  quote: string;
  source: { name: string } | null;
  target: { name: string } | null;
}

async function pendingCandidates(): Promise<Listed[]> {
  const data = await editor(
    `query ($document: ID!) { candidates(document: $document, first: 100) {
      items { id kind status name type quote source { name } target { name } } } }`,
    { document: documentId },
  );
  return data.candidates.items as Listed[];
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.state === "idle", { timeout: 20_000 });
}

function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? "");
}

beforeAll(async () => {
  server = await startTestServer(AUTH_ENV);
  origin = new URL(server.url).origin;
  await removeIngested();
  const ingested = await editor(
    `mutation ($file: ChainMapFileInput!, $meta: DocumentMetaInput!) {
      ingestDocument(file: $file, meta: $meta) { documentId created candidates { entity relationship fact } } }`,
    {
      file: {
        name: "fixture-second.txt",
        contentBase64: Buffer.from(SECOND_DOCUMENT_TEXT).toString("base64"),
      },
      meta: { date: SECOND_DOCUMENT_DATE },
    },
  );
  expect(ingested.ingestDocument).toMatchObject({
    created: true,
    candidates: { entity: 4, relationship: 5, fact: 1 },
  });
  documentId = ingested.ingestDocument.documentId as string;
  browser = await launchBrowser();
  session = await openPage(browser, new URL("/explore/", server.url).href);
  session.page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/graphql")
      sent.push({ headers: request.headers(), body: request.postData() ?? "", url: request.url() });
  });
  await idle(session.page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (!process.env.KEEP) await removeIngested();
});

describe("the explorer's review view", () => {
  it(
    "lists the documents with their pending counts and asks for an editor key before the queue",
    async () => {
      const { page } = session;
      await page.click("#tab-review");
      const doc = `#review-view .doc[data-id="${documentId}"]`;
      await page.waitForSelector(doc, { visible: true });
      expect(await page.$eval("#graph-view", (element) => (element as HTMLElement).hidden)).toBe(
        true,
      );
      expect(new URL(page.url()).searchParams.get("view")).toBe("review");
      expect(await text(page, `${doc} .doc-title`)).toBe(SECOND_DOCUMENT_LINES[0]);
      expect(await text(page, `${doc} .doc-meta`)).toBe(`${SECOND_DOCUMENT_DATE} · 10 条待审核`);
      // The seed document is listed too, with nothing to review.
      expect(
        await text(page, '#review-view .doc[data-id="000_257febe6d92f7e6f"] .doc-pending'),
      ).toBe("0 条待审核");
      await page.click(doc);
      expect(await text(page, "#review-view .key-needed")).toBe(
        "查看和审核候选需要编辑密钥（editor 角色）。",
      );
      expect(sent.some((request) => request.body.includes("candidates("))).toBe(false);
    },
    STEP_TIMEOUT,
  );

  it(
    "shows a refused key as such: a wrong key is 401 UNAUTHENTICATED, a reader's FORBIDDEN",
    async () => {
      const { page } = session;
      await page.type("#review-key", "not-a-key-0123456789");
      await page.click("#review-key-use");
      await page.waitForSelector("#review-view .review-error");
      expect(await text(page, "#review-view .review-error")).toBe(
        "密钥被拒绝: The API key is not valid. (HTTP 401 · UNAUTHENTICATED)",
      );
      await page.click("#review-key-forget");
      await page.type("#review-key", KEYS.reader);
      await page.click("#review-key-use");
      await page.waitForFunction(() =>
        document.querySelector("#review-view .review-error")?.textContent?.includes("FORBIDDEN"),
      );
      const refused = await text(page, "#review-view .review-error");
      expect(refused.startsWith("密钥被拒绝: ")).toBe(true);
      expect(refused).not.toContain(" at ");
      await page.click("#review-key-forget");
    },
    STEP_TIMEOUT,
  );

  it(
    "an editor accepts 测试理工大学成都研究院 and rejects a relationship by clicking; GraphQL shows both",
    async () => {
      const { page } = session;
      const before = await pendingCandidates();
      const institute = before.find((c) => c.kind === "entity" && c.name === INSTITUTE);
      const focus = before.find(
        (c) => c.kind === "relationship" && c.type === "FOCUSES_ON" && c.source?.name === INSTITUTE,
      );
      if (institute === undefined || focus === undefined)
        throw new Error("the fixture's candidates are missing");

      await page.type("#review-key", KEYS.editor);
      await page.click("#review-key-use");
      await page.waitForSelector("#review-view .candidate-list");
      expect(await text(page, "#review-view .queue-summary")).toBe("共 10 条候选，显示 10 条");
      const ids = await page.$$eval("#review-view li.candidate", (items) =>
        items.map((item) => item.getAttribute("data-id")),
      );
      expect(new Set(ids)).toEqual(new Set(before.map((c) => c.id)));

      const card = `#review-view li.candidate[data-id="${institute.id}"]`;
      expect(await text(page, `${card} .candidate-name`)).toBe(INSTITUTE);
      expect(await text(page, `${card} .passage mark`)).toBe(institute.quote);
      expect(await text(page, `${card} .passage`)).toContain("双流县与测试理工大学共建");

      // Filters: relationships only, then back to everything pending.
      await page.select("#review-view .filter-kind", "relationship");
      await page.waitForFunction(
        () => document.querySelector(".queue-summary")?.textContent === "共 5 条候选，显示 5 条",
      );
      await page.select("#review-view .filter-kind", "");
      await page.waitForFunction(
        () => document.querySelector(".queue-summary")?.textContent === "共 10 条候选，显示 10 条",
      );

      await page.click(`${card} button.accept`);
      await page.waitForSelector(`${card}[data-status="accepted"]`);
      await idle(page);

      const link = `#review-view li.candidate[data-id="${focus.id}"]`;
      await page.click(`${link} button.reject`);
      await page.type(`${link} .reject-reason`, "聚焦 is a plan, not yet a fact");
      await page.click(`${link} button.confirm-reject`);
      await page.waitForSelector(`${link}[data-status="rejected"]`);
      await idle(page);
      await page.waitForFunction(
        (id: string) =>
          document.querySelector(`.doc[data-id="${id}"] .doc-pending`)?.textContent ===
          "8 条待审核",
        {},
        documentId,
      );
      await screenshot(page, "review-queue");

      const reviewed = await editor(
        `query ($a: ID!, $b: ID!) {
          a: candidate(id: $a) { status outcome reviewedBy }
          b: candidate(id: $b) { status reason reviewedBy } }`,
        { a: institute.id, b: focus.id },
      );
      expect(reviewed.a).toMatchObject({ status: "accepted", reviewedBy: expect.any(String) });
      expect(reviewed.b).toEqual({
        status: "rejected",
        reason: "聚焦 is a plan, not yet a fact",
        reviewedBy: reviewed.a.reviewedBy,
      });
      const entityId = reviewed.a.outcome as string;
      const entity = await editor(
        `query ($id: ID!) { entity(id: $id) { kind name evidence { documentId quote } } }`,
        { id: entityId },
      );
      expect(entity.entity).toEqual({
        kind: "ResearchInstitute",
        name: INSTITUTE,
        evidence: [{ documentId, quote: INSTITUTE }],
      });
      expect((await pendingCandidates()).map((c) => c.id).sort()).toEqual(
        before
          .map((c) => c.id)
          .filter((id) => id !== institute.id && id !== focus.id)
          .sort(),
      );

      // The accept carried a fresh idempotency key; the key went only in X-API-Key.
      const accepts = sent.filter((request) => request.body.includes("acceptCandidate("));
      expect(accepts).toHaveLength(1);
      const variables = (JSON.parse(accepts[0]?.body ?? "{}") as { variables: Data }).variables;
      expect(variables.key).toMatch(
        /^review-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(accepts[0]?.headers["x-api-key"]).toBe(KEYS.editor);
      for (const request of sent) expect(request.url).not.toContain(KEYS.editor);
      expect(page.url()).not.toContain(KEYS.editor);
      const stored = await page.evaluate(() => ({
        session: sessionStorage.getItem("explore.editorKey"),
        local: localStorage.length,
      }));
      expect(stored).toEqual({ session: KEYS.editor, local: 0 });
    },
    STEP_TIMEOUT,
  );

  it(
    "opens the accepted entity in the graph view with a click",
    async () => {
      const { page } = session;
      const card = `#review-view li.candidate[data-status="accepted"][data-kind="entity"]`;
      await page.click(`${card} button.open-in-graph`);
      await idle(page);
      const accepted = await editor(`{ resolve(name: "${INSTITUTE}") { id } }`);
      const entityId = accepted.resolve[0]?.id as string;
      expect(new URL(page.url()).searchParams.get("id")).toBe(entityId);
      expect(new URL(page.url()).searchParams.get("view")).toBeNull();
      expect(await page.$eval("#review-view", (element) => (element as HTMLElement).hidden)).toBe(
        true,
      );
      await page.waitForFunction(
        (id: string) => window.__explorer?.cy.getElementById(id).nonempty() === true,
        {},
        entityId,
      );
      expect(await text(page, "#details h3")).toContain(INSTITUTE);
    },
    STEP_TIMEOUT,
  );

  it(
    "accepts a university with an edited name, then merges another into it, found with the search box",
    async () => {
      const { page } = session;
      const before = await pendingCandidates();
      const university = before.find((c) => c.kind === "entity" && c.name === "测试理工大学");
      const other = before.find((c) => c.kind === "entity" && c.name === "测试农林大学");
      if (university === undefined || other === undefined)
        throw new Error("the fixture's candidates are missing");
      await page.click("#tab-review");
      // Switching tabs reloads the queue: a card found before it settles is replaced under the click.
      await idle(page);
      const card = `#review-view li.candidate[data-id="${university.id}"]`;
      await page.waitForSelector(card, { visible: true });
      await page.click(`${card} button.edit`);
      const name = await page.waitForSelector(`${card} .edit-name`);
      await name?.click({ count: 3 });
      await name?.type("测试理工大学（改名）");
      await page.click(`${card} button.confirm-edit`);
      await page.waitForSelector(`${card}[data-status="accepted"]`);
      await idle(page);

      const merging = `#review-view li.candidate[data-id="${other.id}"]`;
      await page.click(`${merging} button.merge`);
      await page.type(`${merging} .merge-search`, "测试理工大学（改名）");
      const accepted = await editor(`query ($id: ID!) { candidate(id: $id) { outcome } }`, {
        id: university.id,
      });
      const universityId = accepted.candidate.outcome as string;
      const option = `${merging} .suggestions li[data-id="${universityId}"]`;
      await page.waitForSelector(option, { visible: true });
      await page.click(option);
      expect(await text(page, `${merging} .merge-target`)).toBe(
        `测试理工大学（改名） (${universityId})`,
      );
      await page.click(`${merging} button.confirm-merge`);
      await page.waitForSelector(`${merging}[data-status="merged"]`);
      await idle(page);

      const entity = await editor(
        `query ($id: ID!) { entity(id: $id) { kind name aliases } resolve(name: "测试农林大学") { id } }`,
        { id: universityId },
      );
      expect(entity.entity).toMatchObject({ kind: "University", name: "测试理工大学（改名）" });
      expect(entity.entity.aliases).toContain("测试农林大学");
      expect(entity.resolve).toEqual([{ id: universityId }]);
      const merges = sent.filter((request) => request.body.includes("mergeCandidate("));
      const keys = sent
        .filter((r) => r.body.includes("acceptCandidate(") || r.body.includes("mergeCandidate("))
        .map((r) => (JSON.parse(r.body) as { variables: Data }).variables.key as string);
      expect(merges).toHaveLength(1);
      expect(new Set(keys).size).toBe(3);
    },
    STEP_TIMEOUT,
  );

  it(
    "accepts every pending candidate at or above the confidence in one click, leaving the rest",
    async () => {
      const { page } = session;
      const before = await pendingCandidates();
      expect(before.map((c) => c.kind).sort()).toEqual([
        "entity",
        "fact",
        "relationship",
        "relationship",
        "relationship",
        "relationship",
      ]);
      const bulk = await page.$("#review-view .bulk-confidence");
      await bulk?.click({ count: 3 });
      await bulk?.type("0.8");
      await page.click("#review-view button.accept-all");
      await page.waitForSelector("#review-view .review-notice");
      await idle(page);
      expect(await text(page, "#review-view .review-notice")).toBe("已采纳 5 条，0 条未能采纳");
      expect(await text(page, "#review-view .queue-summary")).toBe("共 1 条候选，显示 1 条");
      const left = await pendingCandidates();
      expect(left.map((c) => c.kind)).toEqual(["fact"]);
      expect(
        await page.$$eval("#review-view li.candidate", (items) =>
          items.map((item) => item.getAttribute("data-id")),
        ),
      ).toEqual(left.map((c) => c.id));
    },
    STEP_TIMEOUT,
  );

  it("asked nothing of another host, and the page raised no error but the refused keys'", () => {
    expect(foreignRequests(session.requests, origin)).toEqual([]);
    // Chromium logs each refused request (the 401 above) as a console error: expected here.
    expect(session.errors.filter((error) => !error.includes("status of 401"))).toEqual([]);
  });
});
