import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TargetRun, Verification } from "./measure";

export interface OpReport {
  readonly name: string;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
  readonly rps: number;
  readonly errors: number;
  readonly round_trips: number;
  readonly rss_mb: number;
  readonly peak_rss_mb: number;
  readonly floor_p50_ms: number;
  readonly floor_p99_ms: number;
  readonly floor_rps: number;
  readonly floor_errors: number;
  readonly peer_p50_ms: number | null;
  readonly peer_p99_ms: number | null;
  readonly peer_rps: number | null;
  readonly peer_errors: number | null;
  readonly peer_round_trips: number | null;
  /** ours p50 / floor p50. */
  readonly ours_floor_p50: number;
  /** ours rps / peer rps. */
  readonly ours_peer_rps: number | null;
  readonly same_as_floor: boolean;
  readonly same_as_peer: boolean | null;
  /** CPU per request in ms, ours' process and Neo4j's while serving ours (null without /proc). */
  readonly cpu_ms: number | null;
  readonly neo4j_cpu_ms: number | null;
  readonly floor_cpu_ms: number | null;
  readonly floor_neo4j_cpu_ms: number | null;
  /** (ours + its Neo4j) / (floor + its Neo4j) CPU per request: steadier than p50 on a busy machine. */
  readonly ours_floor_cpu: number | null;
}

const ratio = (a: number, b: number): number => Number((a / b).toFixed(2));

export function opReport(
  name: string,
  verification: Verification,
  ours: TargetRun,
  floor: TargetRun,
  peer: TargetRun | null,
): OpReport {
  return {
    name,
    p50_ms: ours.p50Ms,
    p95_ms: ours.p95Ms,
    p99_ms: ours.p99Ms,
    rps: ours.rps,
    errors: ours.errors,
    round_trips: verification.roundTrips,
    rss_mb: ours.rssMb,
    peak_rss_mb: ours.peakRssMb,
    floor_p50_ms: floor.p50Ms,
    floor_p99_ms: floor.p99Ms,
    floor_rps: floor.rps,
    floor_errors: floor.errors,
    peer_p50_ms: peer?.p50Ms ?? null,
    peer_p99_ms: peer?.p99Ms ?? null,
    peer_rps: peer?.rps ?? null,
    peer_errors: peer?.errors ?? null,
    peer_round_trips: verification.peerRoundTrips,
    ours_floor_p50: ratio(ours.p50Ms, floor.p50Ms),
    ours_peer_rps: peer === null ? null : ratio(ours.rps, peer.rps),
    same_as_floor: verification.sameAsFloor,
    same_as_peer: verification.sameAsPeer,
    cpu_ms: ours.cpuMs,
    neo4j_cpu_ms: ours.neo4jCpuMs,
    floor_cpu_ms: floor.cpuMs,
    floor_neo4j_cpu_ms: floor.neo4jCpuMs,
    ours_floor_cpu: cpuRatio(ours, floor),
  };
}

/** Both runs' CPU per request, the target's and Neo4j's, as a ratio; null when one is missing. */
function cpuRatio(ours: TargetRun, floor: TargetRun): number | null {
  const parts = [ours.cpuMs, ours.neo4jCpuMs, floor.cpuMs, floor.neo4jCpuMs];
  if (parts.some((part) => part === null)) return null;
  const [a = 0, b = 0, c = 0, d = 0] = parts as number[];
  return c + d > 0 ? ratio(a + b, c + d) : null;
}

const cell = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? "n/a" : String(value);

/** A Markdown table of the reports, the same table bench/RESULTS.md carries. */
export function markdownTable(reports: readonly OpReport[]): string {
  const header = [
    "op",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "rps",
    "err",
    "trips",
    "RSS MB (peak)",
    "floor p50",
    "floor p99",
    "floor rps",
    "peer p50",
    "peer rps",
    "ours/floor p50",
    "ours/peer rps",
    "CPU/req ms (ours + Neo4j)",
    "floor CPU/req",
    "ours/floor CPU",
    "same answer (floor/peer)",
  ];
  const rows = reports.map((r) => [
    r.name,
    r.p50_ms,
    r.p95_ms,
    r.p99_ms,
    r.rps,
    r.errors + r.floor_errors + (r.peer_errors ?? 0),
    r.round_trips,
    `${r.rss_mb} (${r.peak_rss_mb})`,
    r.floor_p50_ms,
    r.floor_p99_ms,
    r.floor_rps,
    r.peer_p50_ms,
    r.peer_rps,
    r.ours_floor_p50,
    r.ours_peer_rps,
    `${cell(r.cpu_ms)} + ${cell(r.neo4j_cpu_ms)}`,
    `${cell(r.floor_cpu_ms)} + ${cell(r.floor_neo4j_cpu_ms)}`,
    r.ours_floor_cpu,
    `${cell(r.same_as_floor)}/${cell(r.same_as_peer)}`,
  ]);
  return [header, header.map(() => "---"), ...rows]
    .map((row) => `| ${row.map(cell).join(" | ")} |`)
    .join("\n");
}

/** Keeps every run's raw figures in bench/results/ (ignored by git) for later comparison. */
export function saveResults(kind: string, payload: unknown): string {
  const dir = path.join(__dirname, "..", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${kind}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
