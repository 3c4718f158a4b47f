import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boltUri, loadConfig } from "../../src/config";
import { gql } from "../helpers/server";

const ROOT = path.resolve(__dirname, "../..");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/**
 * Builds and starts the service as `npm start` does (`tsc -p tsconfig.build.json`, then
 * `tsx scripts/neo4j.ts ensure-local`, then `node dist/src/main.js`) and resolves with the URL it
 * prints. The service only connects: ensuring the local Neo4j is the script's job.
 */
function startService(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  execFileSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "pipe" });
  execFileSync(process.execPath, [TSX, "scripts/neo4j.ts", "ensure-local"], {
    cwd: ROOT,
    env,
    stdio: "pipe",
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/src/main.js"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${String(code)}:\n${output}`));
    });
  });
}

describe("the service process", () => {
  let child: ChildProcess;
  let url: string;
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });

  beforeAll(async () => {
    ({ child, url } = await startService({
      ...process.env,
      // The environment a user's `npm start` runs in: Apollo's own signal handling is on there.
      NODE_ENV: "development",
      NEO4J_URI: boltUri(config),
      PORT: "0",
      LOG_LEVEL: "warn",
    }));
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("answers { __typename } over HTTP", async () => {
    const response = await gql(url, "{ __typename }");
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ __typename: "Query" });
  });

  it("reports liveness and readiness", async () => {
    const base = url.replace(/\/graphql$/, "");
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", neo4j: "up" });
  });

  it("exits 0 within 10 seconds of SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const started = Date.now();
    child.kill("SIGTERM");
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
