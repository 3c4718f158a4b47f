import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPERATION } from "../../src/http/example-operation";
import { OFFLINE_NOTE_ID } from "../../src/http/landing-page";
import { WEB_DIST } from "../../src/http/pages";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * The query editors: GraphiQL at /graphiql/ (built by scripts/build-web.ts) and Apollo Sandbox as
 * the landing page at GET /graphql, with a note linking the offline editors. Both are on outside
 * production, off in production unless QUERY_EDITORS=true.
 */

let dev: TestServer;
let prod: TestServer;
let prodWithEditors: TestServer;

beforeAll(async () => {
  [dev, prod, prodWithEditors] = await Promise.all([
    startTestServer(),
    startTestServer({ NODE_ENV: "production" }),
    startTestServer({ NODE_ENV: "production", QUERY_EDITORS: "true" }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev?.stop(), prod?.stop(), prodWithEditors?.stop()]);
});

const origin = (server: TestServer): string => new URL(server.url).origin;
const landing = (server: TestServer): Promise<Response> =>
  fetch(server.url, { headers: { accept: "text/html" } });

describe("ETags", () => {
  it("a page's files keep theirs; a GraphQL answer is sent without one (no hashing per answer)", async () => {
    const page = await fetch(`${origin(dev)}/graphiql/main.js`);
    expect(page.headers.get("etag")).toMatch(/^W\/"/);
    const answer = await fetch(dev.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    expect(answer.headers.get("etag")).toBeNull();
  });
});

describe("GraphiQL at /graphiql/", () => {
  it("serves its page and its bundle, as built, under the pages' CSP", async () => {
    const page = await fetch(`${origin(dev)}/graphiql/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="main.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="main.css" />');

    const script = await fetch(`${origin(dev)}/graphiql/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const served = await script.text();
    expect(served).toBe(await readFile(path.join(WEB_DIST, "graphiql", "main.js"), "utf8"));
    // The real editor, with the example operation in it, and no code built at run time.
    expect(served).toContain("query FirstLook");
    expect(served).toContain("graphiql-container");
    expect(served).not.toMatch(/\bnew Function\(|[^.\w]eval\(/);

    const css = await fetch(`${origin(dev)}/graphiql/main.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    const sheet = await css.text();
    expect(sheet).toContain(".graphiql-container");
    // Every url() in the sheet is inlined or beside it: nothing from another host.
    const urls = [...sheet.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1] ?? "");
    expect(urls.filter((url) => !url.startsWith("data:") && /^(https?:)?\/\//.test(url))).toEqual(
      [],
    );
  });

  it("redirects /graphiql to /graphiql/", async () => {
    const reply = await fetch(`${origin(dev)}/graphiql`, { redirect: "manual" });
    expect(reply.status).toBe(301);
    expect(reply.headers.get("location")).toBe("/graphiql/");
  });

  it("is 404 in production, unless QUERY_EDITORS=true", async () => {
    const off = await fetch(`${origin(prod)}/graphiql/`);
    expect(off.status).toBe(404);
    expect(await off.text()).not.toContain("main.js");
    const on = await fetch(`${origin(prodWithEditors)}/graphiql/`);
    expect(on.status).toBe(200);
    expect(await on.text()).toContain("main.js");
  });
});

describe("the landing page at GET /graphql", () => {
  it("is Apollo Sandbox with the example operation and the note linking the offline editors", async () => {
    const reply = await landing(dev);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await reply.text();
    expect(html).toContain("window.EmbeddedSandbox");
    expect(html).toContain(JSON.stringify(EXAMPLE_OPERATION));
    expect(html).toContain(`<div id="${OFFLINE_NOTE_ID}" role="status" hidden>`);
    expect(html).toContain('<a href="/graphiql/">');
    expect(html).toContain('<a href="/explore/">');
    // The note's style and script carry the nonce of Apollo's page, whose CSP allows nothing else.
    const nonce = /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(html)?.[1];
    expect(nonce).toMatch(/^[0-9a-f]{64}$/);
    const note = html.slice(html.indexOf(`<style nonce="${nonce}">\n  #${OFFLINE_NOTE_ID}`));
    expect(note).toContain(`<script nonce="${nonce}">`);
    expect(note).toContain('typeof window.EmbeddedSandbox !== "function"');
    expect(note.trimEnd()).toMatch(/<\/script>\n<\/body>\n<\/html>$/);
  });

  it("is a fresh nonce on every request", async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => /'nonce-([0-9a-f]+)'/.exec(await (await landing(dev)).text())?.[1]),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("is off in production (no HTML), unless QUERY_EDITORS=true", async () => {
    const off = await landing(prod);
    expect(await off.text()).not.toMatch(/<html|EmbeddedSandbox|offline-editors/i);
    expect(off.headers.get("content-type")).not.toMatch(/text\/html/);

    const on = await landing(prodWithEditors);
    expect(on.status).toBe(200);
    const html = await on.text();
    expect(html).toContain("window.EmbeddedSandbox");
    expect(html).toContain('<a href="/graphiql/">');
  });
});
