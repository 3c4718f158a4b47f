import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * The CPU time processes use, read from Linux's `/proc/<pid>/stat`: what a request costs each
 * process (ours, the floor, Neo4j) whatever the machine's other load does to latency. On this
 * 2-core machine a full run's p50 ratios swing by half between runs of the same code
 * (bench/RESULTS.md, "Per request, once"), while CPU per request moves by a tenth.
 */

/**
 * User plus system time in clock ticks from a `/proc/<pid>/stat` line: fields 14 and 15, counted
 * after the command name (field 2), which sits in parentheses and may itself hold spaces and
 * parentheses.
 */
export function cpuTicksOf(stat: string): number {
  const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // afterName[0] is field 3 (state), so fields 14 and 15 are at 11 and 12.
  const user = Number(afterName[11]);
  const system = Number(afterName[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system))
    throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return user + system;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** The CPU time a process has used so far, in ms; null without /proc (not Linux) or the process. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined || pid <= 0) return null;
  try {
    return (cpuTicksOf(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Milliseconds of CPU per request between two readings; null when either is missing. */
export function perRequest(
  before: number | null,
  after: number | null,
  requests: number,
): number | null {
  if (before === null || after === null || requests <= 0) return null;
  return Number(((after - before) / requests).toFixed(3));
}
