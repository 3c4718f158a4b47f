import "reflect-metadata";
import os from "node:os";
import { parseArgs } from "node:util";
import { startTarget, type TargetProcess } from "./lib/children";
import { Verifier } from "./lib/measure";
import { MIX_CLASSES, mixVariants, rssTrend, type RssTrend } from "./lib/mix";
import { driveMix, type MixRun, type MixSettings } from "./lib/mix-load";
import { nodeUsed, onNode24 } from "./lib/node24";
import { SEED_ANCHOR_SETS } from "./lib/ops";
import { saveResults } from "./lib/report";
import { seededNeo4j } from "./lib/seeded";

/**
 * `npm run bench:mixed [-- --quick] [-- --duration S] [-- --connections N] [-- --seed N]`: what the
 * three kinds of users do at once (bench/lib/mix.ts: 40% lookups, 30% entity and relationship
 * fields, 20% neighbourhoods, 10% chains and paths), each operation on several anchors, against
 * ours and against the floor's same mix, one after the other, on the seeded Neo4j that
 * `npm run bench` uses. Reports rps, p50/p99 and errors overall and per class, and the targets' RSS
 * over the run with its trend. The last line printed is the JSON summary.
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    connections: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    seed: { type: "string", default: "17" },
  },
});

const settings: MixSettings = {
  connections: Number(args.connections ?? 50),
  durationSeconds: Number(args.duration ?? (args.quick ? 10 : 60)),
  warmupSeconds: Number(args.warmup ?? (args.quick ? 2 : 5)),
  maxRequests: 1_000_000,
  seed: Number(args.seed),
  rssIntervalSeconds: 1,
};

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface TargetReport extends MixRun {
  readonly idle_rss_mb: number;
  readonly rss_trend: RssTrend;
}

function table(reports: Record<"ours" | "floor", TargetReport>): string {
  const header = ["class", "share", "ours rps", "ours p50", "ours p99", "ours err"];
  header.push("floor rps", "floor p50", "floor p99", "floor err", "ours/floor p50");
  const { ours, floor } = reports;
  const rows = [
    { name: "all", share: "100%", o: ours.overall, f: floor.overall },
    ...MIX_CLASSES.map((c) => ({
      name: c.name,
      share: `${Math.round(c.share * 100)}%`,
      o: ours.classes[c.name],
      f: floor.classes[c.name],
    })),
  ].map(({ name, share, o, f }) => [
    name,
    share,
    o.rps,
    o.p50_ms,
    o.p99_ms,
    o.errors,
    f.rps,
    f.p50_ms,
    f.p99_ms,
    f.errors,
    Number((o.p50_ms / f.p50_ms).toFixed(2)),
  ]);
  return [header, header.map(() => "---"), ...rows]
    .map((row) => `| ${row.map(String).join(" | ")} |`)
    .join("\n");
}

function rssLine(name: string, report: TargetReport): string {
  const t = report.rss_trend;
  return `${name} RSS MB every ${settings.rssIntervalSeconds} s (idle ${report.idle_rss_mb}): ${report.rss_mb.join(" ")}\n  first quarter ${t.firstQuarterMb}, last quarter ${t.lastQuarterMb}, last-half slope ${t.lastHalfSlopeMbPerMin} MB/min: ${t.flat ? "flat" : "GROWING"}`;
}

async function main(): Promise<void> {
  const { config, uri } = await seededNeo4j(log);
  const node = nodeUsed();
  const variants = mixVariants(SEED_ANCHOR_SETS);
  log(
    `bench:mixed: ${variants.length} requests in the mix, ${settings.connections} connections, ${settings.durationSeconds} s per target (+${settings.warmupSeconds} s warm-up), seed ${settings.seed}, Neo4j ${uri}, Node ${node.version} (${node.path})`,
  );

  // Same check as npm run bench: each request of the mix answers without errors, and (reported,
  // as npm run bench reports it) the same as the floor's.
  const differing: string[] = [];
  const verifier = await Verifier.create(config, uri);
  try {
    for (const variant of variants) {
      const v = await verifier.verify(variant.op);
      const name = `${variant.op.name}@${variant.anchors}`;
      if (v.oursErrors.length > 0) {
        throw new Error(`${name} answers with errors: ${JSON.stringify(v.oursErrors)}`);
      }
      if (!v.sameAsFloor) {
        differing.push(name);
        log(`verify ${name}: NOT the floor's answer: ${JSON.stringify(v.detail)}`);
      }
    }
  } finally {
    await verifier.close();
  }
  log(
    `verified ${variants.length} requests: no errors; ${differing.length === 0 ? "all" : `all but ${differing.join(", ")}`} answer as the floor does`,
  );

  const targets: TargetProcess[] = [];
  const reports: Partial<Record<"ours" | "floor", TargetReport>> = {};
  try {
    for (const name of ["ours", "floor"] as const) {
      const target = await startTarget(name, uri, SEED_ANCHOR_SETS);
      targets.push(target);
      const idle = await target.memory();
      await driveMix(target, variants, settings, settings.warmupSeconds);
      const run = await driveMix(target, variants, settings, settings.durationSeconds);
      if (run.firstError !== undefined) log(`  ${name} error: ${run.firstError}`);
      const report: TargetReport = {
        ...run,
        idle_rss_mb: Math.round(idle.rss / 2 ** 20),
        rss_trend: rssTrend(run.rss_mb, settings.rssIntervalSeconds),
      };
      reports[name] = report;
      log(
        `${name}: ${run.overall.rps} rps, p50 ${run.overall.p50_ms} ms, p99 ${run.overall.p99_ms} ms, errors ${run.overall.errors} (+${run.overall.transport_errors} transport)`,
      );
      await target.stop();
    }
  } finally {
    for (const target of targets) await target.stop();
  }
  const { ours, floor } = reports;
  if (ours === undefined || floor === undefined) throw new Error("both targets must run");

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: node.version,
    nodePath: node.path,
  };
  const mix = MIX_CLASSES.map((c) => ({ class: c.name, share: c.share, ops: c.ops }));
  const summary = {
    machine,
    settings,
    mix,
    variants: variants.length,
    not_same_as_floor: differing,
    ours,
    floor,
  };
  const file = saveResults("mixed", summary);
  log(
    `\n${table({ ours, floor })}\n\n${rssLine("ours", ours)}\n${rssLine("floor", floor)}\n\nraw figures: ${file}`,
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

onNode24(main);
