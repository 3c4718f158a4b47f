/**
 * How soon the explorer draws a 50-node view: the service in this process on the running Neo4j,
 * then, for each run, a new headless Chromium (nothing cached) that opens
 * /explore/?id=…&depth=3&limit=50 and reports the time from navigation start to the first frame
 * with the graph (the page's `view-drawn` mark). The server has answered the query once before, as
 * a running service has. Also prints the size of the page's script, raw and gzipped.
 *
 *   npm run bench:explore [-- --runs 7]
 *
 * Goals (issue: front ends in the browser): median under 1000 ms on loopback, script under 1 MB
 * gzipped.
 */
import "reflect-metadata";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startApp } from "../src/app";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { WEB_DIST } from "../src/http/pages";
import { createLogger } from "../src/logger";
import { launchBrowser, openPage } from "../test/helpers/browser";
import { onNode24 } from "./lib/node24";

const ANCHOR = "industrial-cluster-projects";
const GOAL_MS = 1000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

async function main(): Promise<void> {
  const runsAt = process.argv.indexOf("--runs");
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7;
  const config = loadConfig({ ...process.env, PORT: "0", LOG_LEVEL: "silent", WARM_UP: "true" });
  const db = Database.connect(config);
  const app = await startApp({ config, db, logger: createLogger(config) });
  try {
    const view = `{ neighborhood(id: "${ANCHOR}", depth: 3, limit: 50) { nodes { id } } }`;
    const answer = (await (
      await fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: view }),
      })
    ).json()) as { data: { neighborhood: { nodes: unknown[] } } };
    const url = new URL(`/explore/?id=${ANCHOR}&depth=3&limit=50`, app.url).toString();
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const browser = await launchBrowser();
      try {
        const { page } = await openPage(browser, url);
        await page.waitForFunction(() => performance.getEntriesByName("view-drawn").length > 0, {
          timeout: 30_000,
        });
        times.push(
          await page.evaluate(
            () => performance.getEntriesByName("view-drawn")[0]?.startTime ?? NaN,
          ),
        );
      } finally {
        await browser.close();
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5);
    const script = readFileSync(path.join(WEB_DIST, "explore", "main.js"));
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    process.stdout.write(
      [
        `[explore] node ${process.version}, ${answer.data.neighborhood.nodes.length}-node view, ${runs} cold browsers`,
        `[explore] first paint (ms): ${times.map((ms) => ms.toFixed(0)).join(", ")}`,
        `[explore] min ${sorted[0]?.toFixed(0)} ms, median ${median.toFixed(0)} ms, p90 ${percentile(sorted, 0.9).toFixed(0)} ms; median/goal ${(median / GOAL_MS).toFixed(2)}`,
        `[explore] main.js ${kb(script.length)}, ${kb(gzipSync(script).length)} gzipped`,
        "",
      ].join("\n"),
    );
  } finally {
    await app.stop();
    await db.close();
  }
}

onNode24(main);
