import "reflect-metadata";
import os from "node:os";
import { parseArgs } from "node:util";
import { startTarget, type TargetProcess } from "./lib/children";
import { loadTarget, Verifier, type LoadSettings } from "./lib/measure";
import { operations, SEED_ANCHORS } from "./lib/ops";
import { markdownTable, opReport, saveResults, type OpReport } from "./lib/report";
import { onNode24 } from "./lib/node24";
import { seededNeo4j } from "./lib/seeded";
import { neo4jStatus } from "../scripts/neo4j/manager";

/**
 * `npm run bench [-- --quick] [-- --only resolve,paths]`: our API, the floor and the peer, each in
 * its own process against the seeded Neo4j, driven by autocannon on loopback with the same
 * concurrency and duration. The last line printed is the JSON summary.
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    connections: { type: "string" },
    duration: { type: "string" },
  },
});

const settings: LoadSettings = {
  connections: Number(args.connections ?? 10),
  durationSeconds: Number(args.duration ?? (args.quick ? 5 : 20)),
  warmupSeconds: args.quick ? 2 : 5,
  maxRequests: 200_000,
};

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const { config, uri } = await seededNeo4j(log);
  // The managed Neo4j's pid, for its CPU per request (none for a server of NEO4J_URI).
  const neo4jPid = (await neo4jStatus(config)).pid;

  const only = args.only?.split(",");
  const ops = operations(SEED_ANCHORS).filter((op) => only === undefined || only.includes(op.name));
  log(
    `bench: ${ops.length} operations, ${settings.connections} connections, ${settings.durationSeconds} s each (+${settings.warmupSeconds} s warm-up), Neo4j ${uri}, Node ${process.version} (${process.execPath})`,
  );
  const verifier = await Verifier.create(config, uri);
  const verifications = new Map<string, Awaited<ReturnType<Verifier["verify"]>>>();
  try {
    for (const op of ops) {
      const v = await verifier.verify(op);
      verifications.set(op.name, v);
      log(
        `verify ${op.name}: ${v.roundTrips} round trips, errors ${v.oursErrors.length}, same as floor ${v.sameAsFloor}, same as peer ${String(v.sameAsPeer)}`,
      );
      if (!v.sameAsFloor || v.sameAsPeer === false) log(`  ${JSON.stringify(v.detail)}`);
    }
  } finally {
    await verifier.close();
  }

  const targets: TargetProcess[] = [];
  const reports: OpReport[] = [];
  try {
    for (const target of ["ours", "floor", "peer"] as const) {
      targets.push(await startTarget(target, uri, SEED_ANCHORS));
    }
    const [ours, floor, peer] = targets as [TargetProcess, TargetProcess, TargetProcess];
    const idle = await ours.memory();
    log(`ours idle RSS ${Math.round(idle.rss / 2 ** 20)} MB`);
    for (const op of ops) {
      // Interleaved per operation, so a slow drift of the machine touches all three alike.
      const oursRun = await loadTarget(ours, op, settings, neo4jPid);
      const floorRun = await loadTarget(floor, op, settings, neo4jPid);
      const peerRun = await loadTarget(peer, op, settings, neo4jPid);
      const verification = verifications.get(op.name);
      if (oursRun === null || floorRun === null || verification === undefined) {
        throw new Error(`${op.name}: ours and the floor must both run`);
      }
      const report = opReport(op.name, verification, oursRun, floorRun, peerRun);
      reports.push(report);
      log(
        `${op.name}: ours p50 ${report.p50_ms} p99 ${report.p99_ms} ms ${report.rps} rps (err ${report.errors}); floor p50 ${report.floor_p50_ms} ms ${report.floor_rps} rps; peer ${report.peer_rps ?? "n/a"} rps; CPU/req ours ${report.cpu_ms ?? "n/a"} + Neo4j ${report.neo4j_cpu_ms ?? "n/a"} ms, floor ${report.floor_cpu_ms ?? "n/a"} + ${report.floor_neo4j_cpu_ms ?? "n/a"} ms`,
      );
    }
  } finally {
    for (const target of targets) await target.stop();
  }

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    nodePath: process.execPath,
  };
  const file = saveResults("bench", { machine, settings, reports });
  log(`\n${markdownTable(reports)}\n\nraw figures: ${file}`);
  process.stdout.write(`${JSON.stringify({ machine, settings, ops: reports })}\n`);
}

onNode24(main);
