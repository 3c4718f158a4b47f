import "reflect-metadata";
import { createHash } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { boltUri, loadConfig, type Config } from "../src/config";
import { Database } from "../src/db/database";
import { RELATION_TYPES } from "../src/model/vocabulary";
import { SeedRepository } from "../src/repositories/seed.repository";
import { TraversalRepository } from "../src/repositories/traversal.repository";
import { ensureNeo4j, stopNeo4j, type ManagerOptions } from "../scripts/neo4j/manager";
import { nodeUsed, onNode24 } from "./lib/node24";
import { SyntheticGraph } from "./lib/synthetic";

/**
 * `npm run bench:hub-paths`: path searches past hub ends, timed at the repository (no HTTP).
 * A synthetic graph (10k entities by default) goes into a Neo4j of its own (.neo4j-hub-paths,
 * port 7693: never the tests' one nor bench:scale's large graph), with two FIXTURE hubs added, fixture-hub-a and
 * fixture-hub-b, each SUPPORTS-linked to the same 9,000 synthetic entities (so they are two hops
 * apart through common neighbours, and each keeps its first 1,000 by name). Prints p50/p99 of the
 * bounded search (what pathSearch runs) and of the unbounded allShortestPaths, a digest of each
 * answer with a limit above its size (to compare answers across versions), and the time of the
 * first search after Neo4j starts (the hub query's cold plan), then a JSON line.
 */

const { values: args } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    hubLinks: { type: "string", default: "9000" },
    runs: { type: "string", default: "40" },
    port: { type: "string", default: "7693" },
    /** Measure the graph already loaded, without reloading it. */
    "measure-only": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Restart Neo4j before measuring, so the first search plans its queries cold. */
    restart: { type: "boolean", default: false },
  },
});

const HUB_A = "fixture-hub-a";
const HUB_B = "fixture-hub-b";
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function benchConfig(): Config {
  const { NEO4J_URI: _ignored, ...env } = process.env;
  return loadConfig({
    ...env,
    NEO4J_BOLT_PORT: args.port,
    NEO4J_HEAP: process.env.BENCH_NEO4J_HEAP ?? "2g",
    NEO4J_PAGECACHE: process.env.BENCH_NEO4J_PAGECACHE ?? "1g",
    LOG_LEVEL: "silent",
  });
}

async function run(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  return (await driver.executeQuery(query, params)).records;
}

/** Loads the synthetic graph and the two fixture hubs into an empty (or synthetic-only) database. */
async function load(config: Config, driver: Driver, size: number, hubLinks: number) {
  const real = await run(
    driver,
    "MATCH (d:Document) WHERE d.id <> 'synthetic' RETURN count(d) AS n",
  );
  if (Number(real[0]?.get("n")) > 0) throw new Error("this Neo4j holds real documents");
  // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session();
  try {
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS");
    await session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
  const graph = new SyntheticGraph(size);
  const db = Database.connect(config);
  try {
    const seed = new SeedRepository(db, 1_000);
    await seed.applySchema();
    await seed.write(graph.nodes(0, size));
    await seed.write(graph.relationships(0, size));
    await db.applyStatements("CALL db.awaitIndexes(600)");
  } finally {
    await db.close();
  }
  // The typical end stays off the hubs' links, so its path to a hub goes through the graph.
  const typical = graph.anchors().typical.neighborhoodId;
  await run(
    driver,
    `CREATE (:Entity {id: $a, kind: 'GovernmentBody', name: '测试枢纽甲'}),
       (:Entity {id: $b, kind: 'GovernmentBody', name: '测试枢纽乙'})`,
    { a: HUB_A, b: HUB_B },
  );
  await run(
    driver,
    `MATCH (t:Entity) WHERE NOT t.id IN [$a, $b, $typical]
     WITH t ORDER BY t.id LIMIT $n
     MATCH (h:Entity) WHERE h.id IN [$a, $b]
     CREATE (h)-[r:SUPPORTS]->(t)
     SET r.id = h.id + '|SUPPORTS|' + t.id, r.evidenceKind = 'explicit', r.confidence = 1.0,
       r.outKey = h.id + '\\u0001' + t.name + '\\u0001' + t.id,
       r.inKey = t.id + '\\u0001' + h.name + '\\u0001' + h.id`,
    { a: HUB_A, b: HUB_B, typical, n: neo4j.int(hubLinks) },
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const value = await f();
  return [value, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** p50/p99 of `runs` calls after three warm-ups. */
async function measure(runs: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 3; i += 1) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(f))[1]);
  times.sort((x, y) => x - y);
  return { p50_ms: round(percentile(times, 0.5)), p99_ms: round(percentile(times, 0.99)) };
}

/** An answer as a digest of its sorted routes (entity ids joined by >), with its count and length. */
function digest(routes: readonly string[]) {
  const sorted = [...routes].sort();
  const hash = createHash("sha256").update(sorted.join("\n")).digest("hex").slice(0, 12);
  const length = sorted[0] === undefined ? 0 : sorted[0].split(">").length - 1;
  return { paths: sorted.length, length, digest: hash };
}

async function main(): Promise<void> {
  const config = benchConfig();
  if ([7687, 7688].includes(config.neo4jBoltPort))
    throw new Error("hub-paths never uses the shared Neo4j on 7687 or 7688");
  const manager: ManagerOptions = {
    env: { ...process.env, NEO4J_LOCAL_DIR: path.join(__dirname, "..", ".neo4j-hub-paths") },
    logger: { info: log, error: log },
  };
  if (args.restart) await stopNeo4j(config, manager);
  const { uri, started } = await ensureNeo4j(config, manager);
  log(`bench hub-paths: Node ${nodeUsed().version}, Neo4j ${uri}`);
  const size = Number(args.size);
  const runs = Number(args.runs);
  const driver = neo4j.driver(
    boltUri(config),
    neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
  );
  const db = Database.connect(config);
  try {
    if (!args["measure-only"]) {
      const [, ms] = await timed(() => load(config, driver, size, Number(args.hubLinks)));
      log(`loaded ${size} entities and two hubs in ${Math.round(ms / 1000)} s`);
    }
    const typical = new SyntheticGraph(size).anchors().typical.neighborhoodId;
    const repository = new TraversalRepository(db);
    const bounded = (from: string, to: string, limit: number) =>
      repository.shortestPaths(from, to, 4, RELATION_TYPES, limit);
    const unbounded = async (from: string, to: string, limit: number) =>
      (
        await run(
          driver,
          `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
           MATCH p = allShortestPaths((a)-[*..4]-(b))
           WHERE all(r IN relationships(p) WHERE type(r) IN $types)
           WITH p LIMIT $limit
           RETURN [n IN nodes(p) | n.id] AS ids`,
          { from, to, limit: neo4j.int(limit), types: RELATION_TYPES },
        )
      ).map((record) => (record.get("ids") as string[]).join(">"));
    const routesOf = (found: Awaited<ReturnType<typeof bounded>>) =>
      found.paths.map((p) => p.nodes.map((n) => n.id).join(">"));
    // The first search after a start plans the hub query cold.
    const [, coldMs] = await timed(() => bounded(HUB_A, HUB_B, 10));
    const cases = [
      { name: "hub-hub", from: HUB_A, to: HUB_B },
      { name: "hub-typical", from: HUB_A, to: typical },
    ];
    const results = [];
    for (const { name, from, to } of cases) {
      const answer = digest(routesOf(await bounded(from, to, 100_000)));
      const exact = digest(await unbounded(from, to, 100_000));
      const timesBounded = await measure(runs, () => bounded(from, to, 10));
      const timesUnbounded = await measure(runs, () => unbounded(from, to, 10));
      const row = { name, from, to, bounded: { ...timesBounded, ...answer } };
      results.push({ ...row, unbounded: { ...timesUnbounded, ...exact } });
      log(
        `${name}: bounded p50 ${timesBounded.p50_ms} ms p99 ${timesBounded.p99_ms} ms (${answer.paths} paths of ${answer.length}, ${answer.digest}); unbounded p50 ${timesUnbounded.p50_ms} ms p99 ${timesUnbounded.p99_ms} ms (${exact.paths} paths of ${exact.length})`,
      );
    }
    log(`first hub search after ${args.restart ? "a restart" : "start"}: ${round(coldMs)} ms`);
    process.stdout.write(`${JSON.stringify({ size, runs, cold_ms: round(coldMs), results })}\n`);
  } finally {
    await db.close();
    await driver.close();
    if (started && !args.keep) await stopNeo4j(config, manager);
  }
}

onNode24(main);
