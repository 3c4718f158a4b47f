import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importReportFixtures,
  INDUSTRY_S,
  removeReportFixtures,
} from "../fixtures/chain-maps/report-fixture";
import { foreignRequests, launchBrowser, openPage, screenshot } from "../helpers/browser";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * The chain report page (/report/chain/<industry>) in a real Chromium: the segments render in
 * chain order with their members, the page's one style element applies under its CSP (a gap
 * badge is coloured), nothing else is requested and nothing is refused. Saves
 * test-artifacts/browser/chain-report.png.
 *
 *   npx vitest run --project slow test/browser/report.browser.test.ts
 */

let server: TestServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  await importReportFixtures();
  server = await startTestServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await removeReportFixtures();
});

interface View {
  chainMap: {
    segments: {
      segment: { name: string };
      gaps: string[];
      members: { entity: { name: string } }[];
    }[];
    report: { html: string };
  };
}

describe("the chain report in a browser", () => {
  it("renders every segment with its members and gap badges, styled, offline", async () => {
    const answer = await gql<View>(
      server.url,
      `query ($name: String!) { chainMap(industry: $name) {
        segments { segment { name } gaps members { entity { name } } } report { html } } }`,
      { name: INDUSTRY_S },
    );
    expect(answer.errors).toBeUndefined();
    const view = answer.data?.chainMap;
    expect(view?.segments.length).toBe(4);

    const { page, requests, errors } = await openPage(browser, `${origin}${view?.report.html}`);
    try {
      const shown = await page.$$eval("section.segment", (sections) =>
        sections.map((section) => ({
          name: section.querySelector(".segment-name")?.textContent ?? "",
          members: [...section.querySelectorAll("tr.member td:first-child")].map(
            (cell) => cell.firstChild?.textContent ?? "",
          ),
          badges: [...section.querySelectorAll(".gap-badge")].map(
            (badge) => (badge as HTMLElement).dataset.gap ?? "",
          ),
          visible: section.offsetHeight > 0,
        })),
      );
      expect(shown.map((s) => [s.name, s.badges, s.visible])).toEqual(
        view?.segments.map((s) => [s.segment.name, s.gaps, true]),
      );
      expect(shown.map((s) => [...s.members].sort())).toEqual(
        view?.segments.map((s) => s.members.map((m) => m.entity.name).sort()),
      );

      // The style element applied: a badge is white on the gap colour, a gap row is tinted.
      const colours = await page.evaluate(() => {
        const badge = document.querySelector(".gap-badge");
        const row = document.querySelector("tr.gap-row td");
        return [
          badge === null ? null : getComputedStyle(badge).backgroundColor,
          badge === null ? null : getComputedStyle(badge).color,
          row === null ? null : getComputedStyle(row).backgroundColor,
        ];
      });
      expect(colours).toEqual(["rgb(180, 35, 24)", "rgb(255, 255, 255)", "rgb(253, 232, 231)"]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);

      await screenshot(page, "chain-report");
      expect(foreignRequests(requests, origin)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
