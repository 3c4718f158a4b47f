import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import chromium from "@sparticuz/chromium";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** Where browser tests save their screenshots (ignored by git). */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/browser");

/**
 * Flags for a headless Chromium on a machine whose network reaches nothing but itself: without
 * the background-networking ones Chromium keeps trying Google's hosts at every start.
 */
const QUIET = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--lang=zh-CN",
];

/**
 * Starts a headless Chromium: the binary the @sparticuz/chromium npm package carries (so
 * `npm install` alone brings a browser), or Debian's /usr/bin/chromium when that one cannot start.
 * @throws with one line that says why and what to install, never a silent skip.
 */
export async function launchBrowser(): Promise<Browser> {
  const failures: string[] = [];
  try {
    const executablePath = await chromium.executablePath();
    return await puppeteer.launch({
      executablePath,
      headless: true,
      // @sparticuz/chromium passes --disable-web-security, which turns CORS off: the tests must
      // see what a user's browser enforces.
      args: [...chromium.args.filter((arg) => arg !== "--disable-web-security"), ...QUIET],
      defaultViewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    failures.push(`@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (existsSync("/usr/bin/chromium")) {
    try {
      return await puppeteer.launch({
        executablePath: "/usr/bin/chromium",
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", ...QUIET],
        defaultViewport: { width: 1280, height: 800 },
      });
    } catch (error) {
      failures.push(`/usr/bin/chromium: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(
    `No browser could start for the browser tests (${failures.join("; ")}). ` +
      "Run npm install (it brings @sparticuz/chromium) or apt-get install chromium; " +
      "for CJK glyphs in screenshots, apt-get install fonts-noto-cjk.",
  );
}

export interface OpenedPage {
  readonly page: Page;
  /** Every URL the page requested, in order, from the moment it was opened. */
  readonly requests: string[];
  /** Uncaught page errors and console errors, for assertions that the page ran cleanly. */
  readonly errors: string[];
}

/** Opens a new tab that records its requests and errors, then navigates to url. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) =>
    errors.push(error instanceof Error ? error.message : String(error)),
  );
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, requests, errors };
}

/** Saves a full-page screenshot as test-artifacts/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The origins of the requested URLs that are not `origin` (data: and blob: URLs are the page's own). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter(
    (url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
  );
}
