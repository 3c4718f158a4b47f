/**
 * The first answer after a restart: restarts the project-managed Neo4j (its query plans are gone),
 * starts the service as `npm start` does (compiled dist/), and times the first request of each
 * example (README's first query and docs/api-examples.md) and of the explorer's first view, once with the start-time warm-up and once
 * without (WARM_UP=false), each after its own restart.
 *
 *   npm run bench:first            both modes
 *   npm run bench:first -- --warm  with the warm-up only
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

function startService(warmUp: boolean): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/src/main.js"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", LOG_LEVEL: "silent", WARM_UP: String(warmUp) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match?.[1] !== undefined)
        resolve({ child, url: match[1], ms: performance.now() - started });
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

async function main(): Promise<void> {
  process.stdout.write(`[first] node ${process.version}\n`);
  run([path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"]);
  const modes = process.argv.includes("--warm") ? [true] : [false, true];
  for (const warmUp of modes) await measure(warmUp);
}

onNode24(main);
