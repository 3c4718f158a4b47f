import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { drive, graphqlOk } from "./lib/load";
import { operations, SEED_ANCHORS } from "./lib/ops";
import { summarise, type CpuProfile } from "./lib/cpu-profile";
import { onNode24 } from "./lib/node24";
import { seededNeo4j } from "./lib/seeded";

/**
 * `npm run bench:profile [-- --only search,list-page] [-- --seconds 15] [-- --top 25]`: where ours
 * spends its CPU under load. For each operation it starts ours (bench/serve.ts, as the bench does)
 * under `--cpu-prof`, drives it with the bench's 10 connections, stops it, and prints the frames
 * with the most self time and the share of each place the time goes (our code, graphql, Apollo,
 * Express, neo4j-driver, Node's own, the garbage collector), counting only the samples taken while
 * the load ran (not start-up or warm-up).
 */

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    seconds: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    top: { type: "string", default: "20" },
  },
});

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Starts ours by hand (no IPC) under --cpu-prof, and resolves its port once it listens. */
function startProfiled(
  uri: string,
  dir: string,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
      "--cpu-prof-interval=200",
      "--import",
      "tsx",
      path.join(__dirname, "serve.ts"),
      "ours",
      uri,
      JSON.stringify(SEED_ANCHORS),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port === undefined) return;
      child.stdout.removeAllListeners("data");
      resolve({
        port: Number(port),
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill("SIGINT");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`ours exited with ${String(code)} at start`)));
  });
}

async function main(): Promise<void> {
  const { uri } = await seededNeo4j(log);
  const only = args.only?.split(",");
  const ops = operations(SEED_ANCHORS).filter((op) => only === undefined || only.includes(op.name));
  const connections = Number(args.connections);
  log(
    `profile: Node ${process.version}, ${connections} connections, ${args.seconds} s per operation`,
  );
  for (const op of ops) {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-profile-"));
    try {
      const ours = await startProfiled(uri, dir);
      const load = {
        url: `http://127.0.0.1:${ours.port}/graphql`,
        body: JSON.stringify({ query: op.ours }),
        connections,
        maxRequests: 200_000,
        verify: graphqlOk,
      };
      await drive({ ...load, durationSeconds: Number(args.warmup) });
      // CLOCK_MONOTONIC in microseconds: the clock the profile's timestamps are taken on.
      const from = Number(process.hrtime.bigint() / 1000n);
      const result = await drive({ ...load, durationSeconds: Number(args.seconds) });
      const to = Number(process.hrtime.bigint() / 1000n);
      await ours.stop();
      const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
      if (file === undefined) throw new Error("ours wrote no profile");
      const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
      const summary = summarise(profile, { from, to, top: Number(args.top) });
      log(
        `\n## ${op.name}: ${result.rps} rps, p50 ${result.p50Ms} ms, ${result.errors} errors; ${summary.sampledMs} ms sampled, ${summary.busyPercent}% busy`,
      );
      log(`\nwhere (self time, % of busy):`);
      for (const place of summary.places)
        log(`  ${place.percent.toFixed(1).padStart(5)}  ${place.name}`);
      log(`\ntop frames (self time, % of busy):`);
      for (const frame of summary.frames) {
        log(`  ${frame.percent.toFixed(1).padStart(5)}  ${frame.name}  ${frame.where}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

onNode24(main);
