import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

/** The runtime of production and CI, which the benchmarks' figures are about. */
export const BENCH_NODE_MAJOR = 24;

/** Set in the re-run process, so a wrong binary fails instead of re-running forever. */
const RERUN_MARK = "BENCH_NODE24_RERUN";

const SCRIPT = path.join(__dirname, "..", "..", "scripts", "node24");

/** Whether a Node version string (`process.versions.node`, "24.21.0") is the bench's runtime. */
export function isBenchNode(version: string): boolean {
  return Number(version.split(".")[0]) === BENCH_NODE_MAJOR;
}

/** Which Node ran a bench, for its printout and its JSON. */
export function nodeUsed(): { version: string; path: string } {
  return { version: process.version, path: process.execPath };
}

/**
 * Starts a bench entry point on Node 24 whatever Node is on PATH: here when this process is Node 24,
 * otherwise by running the same script again under the binary `scripts/node24` names (the one
 * `.ci/run` uses, installed from the npm package node@24 when missing) and exiting with its code.
 * The re-run forks its targets with its own `process.execPath`, so they run on Node 24 too.
 */
export function onNode24(main: () => Promise<void>): void {
  if (isBenchNode(process.versions.node)) {
    // A failed run says why (its stack) and exits 1, whichever bench it is.
    main().catch((error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
    return;
  }
  if (process.env[RERUN_MARK] !== undefined) {
    throw new Error(`re-run under Node ${process.version}, not ${BENCH_NODE_MAJOR}`);
  }
  const binary = execFileSync("bash", [SCRIPT], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const script = process.argv[1];
  if (script === undefined) throw new Error("no script to re-run under Node 24");
  process.stdout.write(`bench: Node ${process.version} on PATH; running under ${binary}\n`);
  const child = spawnSync(binary, ["--import", "tsx", script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [RERUN_MARK]: "1" },
  });
  if (child.error !== undefined) throw child.error;
  process.exit(child.status ?? 1);
}
