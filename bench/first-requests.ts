/**
 * The first answer after a restart: restarts the project-managed Neo4j (its query plans are gone),
 * starts the service as `npm start` does (compiled dist/), and times the first request of each
 * example (README's first query and docs/api-examples.md) and of the explorer's first view, once with the start-time warm-up and once
 * without (WARM_UP=false), each after its own restart.
 *
 *   npm run bench:first            both modes
 *   npm run bench:first -- --warm  with the warm-up only
 *   npm run bench:first -- --hubs  the first path searches between hubs instead, with
 *                                  PATH_HUB_BOUND=2 so that seeded entities are hubs, once without
 *                                  the warm-up and once after its background part has ended
 *
 * Restarting Neo4j ends every connection to it: run this alone.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { onNode24 } from "./lib/node24";

const ROOT = path.resolve(__dirname, "..");

/** The example operations: README's first query, then every numbered one of docs/api-examples.md. */
function readmeExamples(): { name: string; query: string }[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const first = /```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
  const body = readFileSync(path.join(ROOT, "docs/api-examples.md"), "utf8");
  const examples: { name: string; query: string }[] =
    first === undefined ? [] : [{ name: "README first query", query: first }];
  const block = /\*\*(\d+)\.[^*]*\*\*[\s\S]*?```graphql\n([\s\S]*?)```/g;
  for (const match of body.matchAll(block)) {
    examples.push({ name: `example ${match[1]}`, query: match[2] ?? "" });
  }
  return examples;
}

const EXPLORER_VIEW = `query View($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) {
  nodes { id kind name nameEn depth degree hasMore }
  edges { id type source target evidenceKind confidence } truncated } }`;

function run(args: string[]): void {
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

/** Path searches between seeded entities that are hubs when PATH_HUB_BOUND is 2. */
const HUB_PAIRS: readonly [string, string][] = [
  ["universities-and-institutes", "task-pilot-demonstration-zones"],
  ["policy-n-specific-measures", "six-major-projects"],
];

const HUB_SEARCH = `query Hubs($from: ID!, $to: ID!) { pathSearch(fromId: $from, toId: $to, maxHops: 4) {
  exhaustive boundedEnds paths { length nodes { id name } hops { type source target } } } }`;

/** The started service, and a promise for the first line of its output that matches. */
interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly ms: number;
  readonly logged: (pattern: RegExp) => Promise<void>;
}

function startService(warmUp: boolean, env: Record<string, string> = {}): Promise<Started> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/src/main.js"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", LOG_LEVEL: "silent", WARM_UP: String(warmUp), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const waiting: { pattern: RegExp; found: () => void }[] = [];
    const logged = (pattern: RegExp): Promise<void> =>
      pattern.test(output)
        ? Promise.resolve()
        : new Promise((found) => waiting.push({ pattern, found }));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const wait of waiting.filter(({ pattern }) => pattern.test(output))) wait.found();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match?.[1] !== undefined)
        resolve({ child, url: match[1], ms: performance.now() - started, logged });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
}

async function timeFirst(url: string, query: string, variables: object = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  const ms = performance.now() - started;
  if (body.errors !== undefined) throw new Error(`errors: ${JSON.stringify(body.errors)}`);
  return ms;
}

async function measure(warmUp: boolean): Promise<void> {
  run([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/neo4j.ts", "restart"]);
  const { child, url, ms } = await startService(warmUp);
  try {
    process.stdout.write(
      `\n[first] WARM_UP=${warmUp}: ready ${(ms / 1000).toFixed(1)} s after start (seeding checked${warmUp ? ", warm-up run" : ""})\n`,
    );
    const rows: [string, number][] = [];
    for (const { name, query } of readmeExamples()) rows.push([name, await timeFirst(url, query)]);
    rows.push([
      "explorer view (depth 2, 50)",
      await timeFirst(url, EXPLORER_VIEW, { id: "uestc-chengdu-research-institute" }),
    ]);
    for (const [name, first] of rows) {
      process.stdout.write(`[first]   ${name.padEnd(30)} ${first.toFixed(0).padStart(6)} ms\n`);
    }
    const worst = Math.max(...rows.map(([, first]) => first));
    process.stdout.write(`[first]   slowest first answer: ${worst.toFixed(0)} ms\n`);
  } finally {
    child.kill("SIGTERM");
  }
}

/**
 * The first path searches between hubs after a restart. With the warm-up, they are asked once its
 * background part (the path search past hubs) has logged its end, as a user would ask a while
 * after the start.
 */
async function measureHubs(warmUp: boolean): Promise<void> {
  run([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/neo4j.ts", "restart"]);
  const env = { PATH_HUB_BOUND: "2", LOG_LEVEL: "info" };
  const { child, url, ms, logged } = await startService(warmUp, env);
  try {
    const background = performance.now();
    if (warmUp) await logged(/warmed the path search past hubs/);
    process.stdout.write(
      `\n[first] hubs, WARM_UP=${warmUp}: ready ${(ms / 1000).toFixed(1)} s after start${warmUp ? `, hub search planned ${((performance.now() - background) / 1000).toFixed(1)} s later` : ""}\n`,
    );
    for (const [from, to] of HUB_PAIRS) {
      const first = await timeFirst(url, HUB_SEARCH, { from, to });
      const second = await timeFirst(url, HUB_SEARCH, { from, to });
      process.stdout.write(
        `[first]   ${`${from} > ${to}`.padEnd(60)} first ${first.toFixed(0).padStart(6)} ms, then ${second.toFixed(0)} ms\n`,
      );
    }
  } finally {
    child.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  process.stdout.write(`[first] node ${process.version}\n`);
  run([path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"]);
  const modes = process.argv.includes("--warm") ? [true] : [false, true];
  const each = process.argv.includes("--hubs") ? measureHubs : measure;
  for (const warmUp of modes) await each(warmUp);
}

onNode24(main);
