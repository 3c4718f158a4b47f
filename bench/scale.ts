import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { boltUri, loadConfig, type Config } from "../src/config";
import { Database } from "../src/db/database";
import { SeedRepository } from "../src/repositories/seed.repository";
import { ensureNeo4j, neo4jPaths, stopNeo4j, type ManagerOptions } from "../scripts/neo4j/manager";
import { startTarget, type TargetProcess } from "./lib/children";
import {
  anchorLabel,
  candidateAnchors,
  closestAnswer,
  compare,
  equalSizeTable,
  side,
  type EqualSizeComparison,
} from "./lib/equal-size";
import { answerSize, loadTarget, request, type LoadSettings, type TargetRun } from "./lib/measure";
import { operations, type Anchors, type Operation } from "./lib/ops";
import { saveResults } from "./lib/report";
import { SyntheticGraph } from "./lib/synthetic";
import { nodeUsed, onNode24 } from "./lib/node24";

/**
 * `npm run bench:scale`: synthetic graphs of 10 thousand, 100 thousand and 1 million entities,
 * loaded through the service's own seeding path (SeedRepository.write + applySchema) into a SECOND
 * managed Neo4j (.neo4j-bench, port 7688) — never the shared one the tests use — then each
 * operation driven through our API pointed at it. The last line printed is the JSON summary.
 */

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    batches: { type: "string", default: "500,1000,5000,10000" },
    /** The size on which batch sizes are compared. */
    "batch-size-on": { type: "string", default: "100000" },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    port: { type: "string", default: "7688" },
    /** Measure the graph already loaded (the size given by --sizes) without reloading it. */
    "measure-only": { type: "boolean", default: false },
    /** Only these operations (comma-separated names), as `npm run bench -- --only`. */
    only: { type: "string" },
  },
});

const LOCAL_DIR = path.join(__dirname, "..", ".neo4j-bench");

/** Whether this run started the benchmark Neo4j (then it stops it at the end, unless --keep). */
let startedHere = false;
const CHUNK = 50_000;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const settings: LoadSettings = {
  connections: 10,
  durationSeconds: args.quick ? 4 : 10,
  warmupSeconds: args.quick ? 1 : 3,
  maxRequests: 100_000,
};

function benchConfig(): Config {
  const { NEO4J_URI: _ignored, ...env } = process.env;
  return loadConfig({
    ...env,
    NEO4J_BOLT_PORT: args.port,
    NEO4J_HEAP: process.env.BENCH_NEO4J_HEAP ?? "4g",
    NEO4J_PAGECACHE: process.env.BENCH_NEO4J_PAGECACHE ?? "4g",
    LOG_LEVEL: "silent",
  });
}

/**
 * Graphs above this many nodes are wiped by starting the benchmark Neo4j on an empty store instead
 * of deleting them: deleting a 1M-entity graph with Cypher stalled for over 20 minutes in one
 * 10,000-row commit, updating the relationships' sort-key indexes page by page.
 */
const WIPE_BY_STORE_ABOVE = 200_000;

/**
 * Empties the benchmark database. Refuses when it holds any document other than the synthetic one,
 * so a mistyped port can never wipe the real seeded graph. A large graph goes with its store: the
 * managed server is stopped, its data directory deleted, and a server started on an empty one.
 * @returns whether it started the server (so the run stops it at the end).
 */
async function wipe(config: Config, manager: ManagerOptions): Promise<boolean> {
  const driver = neo4j.driver(
    boltUri(config),
    neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
  );
  let nodes: number;
  try {
    const real = await driver.executeQuery(
      "MATCH (d:Document) WHERE d.id <> 'synthetic' RETURN count(d) AS n",
    );
    if (Number(real.records[0]?.get("n")) > 0) {
      throw new Error(
        `${boltUri(config)} holds real documents; scale runs only use their own Neo4j`,
      );
    }
    const counted = await driver.executeQuery("MATCH (n) RETURN count(n) AS n");
    nodes = Number(counted.records[0]?.get("n"));
    if (nodes <= WIPE_BY_STORE_ABOVE) {
      // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
      const session = driver.session();
      try {
        // Relationships first: a hub's DETACH DELETE would take all its relationships in one
        // transaction. The server's 30 s transaction timeout would stop a wipe half-way.
        const long = { timeout: 30 * 60_000 };
        await session.run(
          "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
          {},
          long,
        );
        await session.run(
          "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
          {},
          long,
        );
      } finally {
        await session.close();
      }
      return false;
    }
  } finally {
    await driver.close();
  }
  log(`wiping ${nodes} nodes with their store`);
  await stopNeo4j(config, manager);
  fs.rmSync(neo4jPaths(manager).data, { recursive: true, force: true });
  await ensureNeo4j(config, manager);
  return true;
}

interface LoadReport {
  readonly entities: number;
  readonly relationships: number;
  readonly batchSize: number;
  readonly nodeSeconds: number;
  readonly relationshipSeconds: number;
  readonly entitiesPerSecond: number;
  readonly relationshipsPerSecond: number;
  /** Entities plus relationships per second over the whole load. */
  readonly totalPerSecond: number;
}

async function load(
  config: Config,
  manager: ManagerOptions,
  size: number,
  batchSize: number,
): Promise<LoadReport> {
  if (await wipe(config, manager)) startedHere = true;
  const graph = new SyntheticGraph(size);
  const db = Database.connect(config);
  try {
    const repository = new SeedRepository(db, batchSize);
    await repository.applySchema();
    const t0 = process.hrtime.bigint();
    for (let from = 0; from < size; from += CHUNK) {
      await repository.write(graph.nodes(from, Math.min(size, from + CHUNK)));
    }
    const t1 = process.hrtime.bigint();
    let relationships = 0;
    for (let from = 0; from < size; from += CHUNK) {
      const rows = graph.relationships(from, Math.min(size, from + CHUNK));
      relationships += rows.relationships.length;
      await repository.write(rows);
    }
    const t2 = process.hrtime.bigint();
    // The full-text index fills asynchronously; searches are measured on a complete one.
    await db.applyStatements("CALL db.awaitIndexes(600)");
    const nodeSeconds = Number(t1 - t0) / 1e9;
    const relationshipSeconds = Number(t2 - t1) / 1e9;
    const r = (x: number): number => Math.round(x);
    return {
      entities: size,
      relationships,
      batchSize,
      nodeSeconds: Number(nodeSeconds.toFixed(1)),
      relationshipSeconds: Number(relationshipSeconds.toFixed(1)),
      entitiesPerSecond: r(size / nodeSeconds),
      relationshipsPerSecond: r(relationships / relationshipSeconds),
      totalPerSecond: r((size + relationships) / (nodeSeconds + relationshipSeconds)),
    };
  } finally {
    await db.close();
  }
}

interface OpAtSize {
  readonly name: string;
  readonly anchor: "hub" | "typical" | "-";
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly rps: number;
  readonly errors: number;
  /** Entity ids named in the answer, and its size: answers grow with the graph up to their caps. */
  readonly answer_ids: number;
  readonly answer_kb: number;
  /** The entity (or path ends) an id-anchored run was asked about. */
  readonly anchor_id: string;
}

/**
 * entity-2-levels with `coBuilt(first: 10)`: the districts measured have at least 10 such links at
 * every size, so its answer is the same size at 10k and 1M, and its ratio shows what the degree
 * alone costs (entity-2-levels' own answer grows with the graph up to 100 links).
 */
function sameAnswer(op: Operation): Operation {
  return {
    ...op,
    name: `${op.name}-first10`,
    ours: op.ours.replace("coBuilt(first: 100)", "coBuilt(first: 10)"),
  };
}

/**
 * The bound of the paths-bounded runs (PATH_HUB_BOUND of a service of their own). With the default
 * bound (1,000) no end is a hub on the 10k graph, so no search between hubs can be compared across
 * sizes. Every type of the hub ends' links (university-0, district-0) has more than 30 links at
 * 10k, so at this bound both ends are bounded at every size, each type read to the same 30 links:
 * the equal-size comparison of a search between hubs, bounded and flagged (issue 17).
 */
const SCALE_PATH_BOUND = 30;

/** `paths` asked as pathSearch, which says whether it was bounded and where. */
function boundedPaths(op: Operation): Operation {
  return {
    ...op,
    name: "paths-bounded",
    ours: op.ours
      .replace("paths(", "pathSearch(")
      .replace("maxHops: 4) {", "maxHops: 4) { exhaustive bound boundedEnds paths {")
      .replace(/ }$/, " } }"),
  };
}

/**
 * The operations of the scale runs. The default service's: the bench's, and entity-2-levels with a
 * same-size answer; the bounded service's: paths asked through pathSearch.
 */
function scaleOperations(anchors: Anchors, server: Server = "default"): Operation[] {
  const ops = operations(anchors);
  const paths = ops.find((op) => op.name === "paths");
  const entity = ops.find((op) => op.name === "entity-2-levels");
  const all =
    server === "bounded"
      ? paths === undefined
        ? []
        : [boundedPaths(paths)]
      : entity === undefined
        ? ops
        : [...ops, sameAnswer(entity)];
  const only = args.only?.split(",");
  return all.filter((op) => only === undefined || only.includes(op.name));
}

/** What a pathSearch answer says of its bound: "exhaustive", or the ends it bounded and at what. */
async function boundedEnds(target: TargetProcess, op: Operation): Promise<string> {
  const req = request(target, op);
  if (req === null) return "not asked";
  const response = await fetch(req.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: req.body,
  });
  const answer = (await response.json()) as {
    data?: { pathSearch?: { exhaustive: boolean; bound: number | null; boundedEnds: string[] } };
  };
  const search = answer.data?.pathSearch;
  if (search === undefined) return "no answer";
  return search.exhaustive
    ? "exhaustive"
    : `bounded at ${search.bound}: ${search.boundedEnds.join(", ")}`;
}

/** Which service a run asks: the default one, or one with PATH_HUB_BOUND = SCALE_PATH_BOUND. */
type Server = "default" | "bounded";

const ID_ANCHORED = new Set([
  "entity-2-levels",
  "entity-2-levels-first10",
  "neighborhood-2",
  "paths",
  "paths-bounded",
  "innovation-chain",
]);

/**
 * For each id-anchored run of the reference (smallest) size, the anchor of this graph whose answer
 * names the same number of entities (or the closest), measured under the same load: the
 * equal-size comparison of issue 17's decision 2.
 */
async function measureEqualSize(
  ours: TargetProcess,
  size: number,
  anchors: { hub: Anchors; typical: Anchors },
  reference: { size: number; ops: readonly OpAtSize[] },
  measured: readonly OpAtSize[],
  server: Server,
): Promise<EqualSizeComparison[]> {
  const out: EqualSizeComparison[] = [];
  const names = new Set(scaleOperations(anchors.hub, server).map((op) => op.name));
  for (const ref of reference.ops) {
    if (ref.anchor === "-" || !names.has(ref.name)) continue;
    const candidates: { anchors: Anchors; op: Operation; ids: number }[] = [];
    // The role's own anchor first, so it is kept when its answer already matches (a typical
    // district stays typical); then the candidates, most linked first.
    const own = anchors[ref.anchor];
    for (const candidate of [own, ...candidateAnchors(size, own, ref.name)]) {
      const op = scaleOperations(candidate, server).find((o) => o.name === ref.name);
      const answer = op === undefined ? null : await answerSize(ours, op);
      if (op !== undefined && answer !== null)
        candidates.push({ anchors: candidate, op, ids: answer.ids });
    }
    const chosen = closestAnswer(ref.answer_ids, candidates);
    if (chosen === undefined) continue;
    const label = anchorLabel(ref.name, chosen.anchors);
    // The role's own run already measured this anchor: no second load.
    let run: { answer_ids: number; p50_ms: number; p99_ms: number } | undefined = measured.find(
      (m) => m.name === ref.name && m.anchor_id === label,
    );
    if (run === undefined) {
      const r = await loadTarget(ours, chosen.op, settings);
      if (r !== null) run = { answer_ids: chosen.ids, p50_ms: r.p50Ms, p99_ms: r.p99Ms };
    }
    if (run === undefined) continue;
    const comparison = compare(
      ref.name,
      ref.anchor,
      side(reference.size, ref.anchor_id, ref),
      side(size, label, run),
    );
    out.push(comparison);
    log(
      `  equal-size ${ref.name} (${ref.anchor}): ${ref.anchor_id} ${ref.answer_ids} entities p99 ${ref.p99_ms} ms at ${reference.size} → ${label} ${run.answer_ids} entities p99 ${run.p99_ms} ms: ${comparison.p99_ratio}×`,
    );
  }
  return out;
}

async function measureOps(
  uri: string,
  anchors: { hub: Anchors; typical: Anchors },
  size: number,
  reference: { size: number; ops: readonly OpAtSize[] } | undefined,
  server: Server,
): Promise<{ ops: OpAtSize[]; equalSize: EqualSizeComparison[] }> {
  const runs: { op: Operation; anchor: OpAtSize["anchor"]; anchors: Anchors }[] = [
    ...scaleOperations(anchors.hub, server).map((op) => ({
      op,
      anchor: ID_ANCHORED.has(op.name) ? ("hub" as const) : ("-" as const),
      anchors: anchors.hub,
    })),
    ...scaleOperations(anchors.typical, server)
      .filter((op) => ID_ANCHORED.has(op.name))
      .map((op) => ({ op, anchor: "typical" as const, anchors: anchors.typical })),
  ];
  if (runs.length === 0) return { ops: [], equalSize: [] };
  const out: OpAtSize[] = [];
  const env: Record<string, string> =
    server === "bounded" ? { PATH_HUB_BOUND: String(SCALE_PATH_BOUND) } : {};
  const ours = await startTarget("ours", uri, anchors.hub, env);
  try {
    for (const run of runs) {
      if (server === "bounded")
        log(`  ${run.op.name} (${run.anchor}): ${await boundedEnds(ours, run.op)}`);
      const size = await answerSize(ours, run.op);
      const result: TargetRun | null = await loadTarget(ours, run.op, settings);
      if (result === null || size === null) continue;
      out.push({
        name: run.op.name,
        anchor: run.anchor,
        p50_ms: result.p50Ms,
        p99_ms: result.p99Ms,
        rps: result.rps,
        errors: result.errors,
        answer_ids: size.ids,
        answer_kb: size.kb,
        anchor_id: anchorLabel(run.op.name, run.anchors),
      });
      log(
        `  ${run.op.name} (${run.anchor}): p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.rps} rps, ${result.errors} errors; answer ${size.ids} ids, ${size.kb} KB`,
      );
    }
    const equalSize =
      reference === undefined
        ? []
        : await measureEqualSize(ours, size, anchors, reference, out, server);
    return { ops: out, equalSize };
  } finally {
    await ours.stop();
  }
}

async function main(): Promise<void> {
  const config = benchConfig();
  if (config.neo4jBoltPort === 7687)
    throw new Error("scale runs never use the shared Neo4j on 7687");
  const manager: ManagerOptions = {
    env: { ...process.env, NEO4J_LOCAL_DIR: LOCAL_DIR },
    logger: { info: log, error: log },
  };
  const { uri, started } = await ensureNeo4j(config, manager);
  startedHere = started;
  const node = nodeUsed();
  log(`bench:scale: Node ${node.version} (${node.path}), Neo4j ${uri}`);
  // Ascending: the first is the reference of the equal-size comparisons.
  const sizes = args.sizes
    .split(",")
    .map(Number)
    .sort((a, b) => a - b);
  const batches = args.batches.split(",").map(Number);
  const batchOn = Number(args["batch-size-on"]);
  const loads: LoadReport[] = [];
  const batchTrials: LoadReport[] = [];
  const latency: { size: number; ops: OpAtSize[] }[] = [];
  const equalSize: EqualSizeComparison[] = [];
  // The smallest size is the reference every larger one is compared with, answer for answer.
  const measureAt = async (size: number): Promise<void> => {
    const reference = latency[0];
    const anchors = new SyntheticGraph(size).anchors();
    const measured = await measureOps(uri, anchors, size, reference, "default");
    log(`  paths-bounded: a service with PATH_HUB_BOUND=${SCALE_PATH_BOUND}`);
    const bounded = await measureOps(uri, anchors, size, reference, "bounded");
    latency.push({ size, ops: [...measured.ops, ...bounded.ops] });
    equalSize.push(...measured.equalSize, ...bounded.equalSize);
  };
  let chosenBatch = 1_000;
  try {
    for (const size of sizes) {
      if (args["measure-only"]) {
        await measureAt(size);
        continue;
      }
      let report: LoadReport;
      if (size === batchOn && batches.length > 1) {
        // Each trial loads the same graph from empty; the fastest batch size is used from here on.
        for (const batch of batches) {
          const trial = await load(config, manager, size, batch);
          batchTrials.push(trial);
          log(
            `batch ${batch} on ${size}: ${trial.entitiesPerSecond} entities/s, ${trial.relationshipsPerSecond} rels/s, ${trial.totalPerSecond} total/s`,
          );
        }
        const best = [...batchTrials].sort((a, b) => b.totalPerSecond - a.totalPerSecond)[0];
        chosenBatch = best?.batchSize ?? chosenBatch;
        log(`chosen batch size: ${chosenBatch}`);
        const last = batchTrials.at(-1);
        // The last trial already left this size's graph in place; reload only for another batch size.
        report =
          last !== undefined && last.batchSize === chosenBatch
            ? last
            : await load(config, manager, size, chosenBatch);
      } else {
        report = await load(config, manager, size, chosenBatch);
      }
      loads.push(report);
      log(
        `loaded ${size} entities + ${report.relationships} relationships (batch ${report.batchSize}): nodes ${report.nodeSeconds} s (${report.entitiesPerSecond}/s), relationships ${report.relationshipSeconds} s (${report.relationshipsPerSecond}/s)`,
      );
      await measureAt(size);
    }
  } finally {
    if (startedHere && !args.keep) await stopNeo4j(config, manager);
  }
  const summary = {
    node,
    settings,
    pathBound: SCALE_PATH_BOUND,
    chosenBatch,
    batchTrials,
    loads,
    latency,
    equalSize,
  };
  if (equalSize.length > 0) log(`\nequal-size comparisons:\n${equalSizeTable(equalSize)}\n`);
  log(`raw figures: ${saveResults("scale", summary)}`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

onNode24(main);
