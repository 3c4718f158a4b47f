import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../../scripts/neo4j/diagnose";
import {
  DEFAULT_JAVA_SEARCH_DIRS,
  parseJavaMajor,
  searchJavaHomes,
} from "../../scripts/neo4j/java";
import {
  ensureNeo4j,
  NEO4J_VERSION,
  neo4jStatus,
  SUPPORTED_JAVA_MAJORS,
  type Neo4jLogger,
} from "../../scripts/neo4j/manager";
import { boltUri, loadConfig } from "../../src/config";

// Runs against the shared Neo4j that `npm test` ensured (other files use it too): nothing here
// stops it. Failure paths run the CLI in a scratch NEO4J_LOCAL_DIR on a free port instead.
import { freePort } from "../helpers/ports";

const ROOT = path.resolve(__dirname, "../..");
const config = loadConfig({ ...process.env, NODE_ENV: "test" });
const managed = config.neo4jUri === undefined;
const quiet: Neo4jLogger = { info: () => undefined, error: () => undefined };

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tsx scripts/neo4j.ts <args>` with exactly the given environment (no inherited PATH). */
function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // node by absolute path, so PATH can lack java and mvn without losing node itself.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/neo4j.ts"), ...args],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function expectShortPlainFailure(result: CliResult): void {
  expect(result.code).toBe(1);
  const lines = `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.trim() !== "");
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(5);
  for (const line of lines) expect(line).toMatch(/^\[neo4j\] /);
  // No stack trace.
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe("managed Neo4j (live)", () => {
  beforeAll(async () => {
    await ensureNeo4j(config, { logger: quiet });
  }, 600_000);

  it.skipIf(!managed)("ensure reuses the running server instead of starting another", async () => {
    const result = await ensureNeo4j(config, { logger: quiet });
    expect(result).toEqual({ uri: boltUri(config), started: false });
  });

  it("status reports it running with the pinned version", async () => {
    const status = await neo4jStatus(config, { logger: quiet });
    expect(status.state).toBe("running");
    expect(status.answering).toBe(true);
    expect(status.uri).toBe(boltUri(config));
    if (managed) {
      expect(status.version).toBe(NEO4J_VERSION);
      expect(status.edition).toBe("community");
      expect(status.pid).toBeGreaterThan(0);
    }
  });

  it("answers queries through neo4j-driver with the configured credentials", async () => {
    const driver = neo4j.driver(
      boltUri(config),
      neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
    );
    try {
      const { records } = await driver.executeQuery(
        "RETURN 1 + 1 AS two",
        {},
        { database: config.neo4jDatabase },
      );
      expect(records[0]?.get("two")).toEqual(neo4j.int(2));
      if (managed) {
        // The generated neo4j.conf took effect: the transaction timeout comes from NEO4J_TX_TIMEOUT_MS.
        const settings = await driver.executeQuery(
          "SHOW SETTINGS YIELD name, value WHERE name IN ['db.transaction.timeout', 'server.http.enabled'] RETURN name, value",
          {},
          { database: "system" },
        );
        const byName = new Map<string, string>(
          settings.records.map((r) => [String(r.get("name")), String(r.get("value"))]),
        );
        expect(byName.get("server.http.enabled")).toBe("false");
        if (config.neo4jTxTimeoutMs % 1000 === 0) {
          expect(byName.get("db.transaction.timeout")).toBe(`${config.neo4jTxTimeoutMs / 1000}s`);
        }
      }
    } finally {
      await driver.close();
    }
  });
});

describe("managed Neo4j without its tools (CLI)", () => {
  let scratch: string;
  let baseEnv: Record<string, string>;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "neo4j-manager-test-"));
    baseEnv = {
      HOME: os.homedir(),
      PATH: path.join(scratch, "no-such-bin"),
      NEO4J_LOCAL_DIR: scratch,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_PASSWORD: config.neo4jPassword,
    };
  });

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("says in a few plain lines that Java is missing, and exits 1", async () => {
    const result = await runCli(["start"], { ...baseEnv, JAVA_HOME: "", NEO4J_JAVA_SEARCH: "off" });
    expectShortPlainFailure(result);
    expect(result.stderr).toContain("[neo4j] Java not found");
    expect(result.stderr).toMatch(/JDK 21 or 25/);
    expect(result.stderr).toMatch(/docker compose|NEO4J_URI/);
  });

  const supportedJdk = searchJavaHomes(DEFAULT_JAVA_SEARCH_DIRS).find((jdk) =>
    SUPPORTED_JAVA_MAJORS.includes(jdk.major),
  );

  it.skipIf(supportedJdk === undefined)(
    "says in a few plain lines that Maven is missing when it has to download, and exits 1",
    async () => {
      const result = await runCli(["start"], { ...baseEnv, JAVA_HOME: supportedJdk?.home ?? "" });
      expectShortPlainFailure(result);
      expect(result.stderr).toContain("[neo4j] Maven (mvn) not found");
      expect(result.stderr).toContain("apt-get install maven");
    },
  );

  const oldJdk = searchJavaHomes(DEFAULT_JAVA_SEARCH_DIRS).find((jdk) => jdk.major < 21);

  it.skipIf(oldJdk === undefined)("names the Java that is too old", async () => {
    const result = await runCli(["start"], {
      ...baseEnv,
      JAVA_HOME: oldJdk?.home ?? "",
      NEO4J_JAVA_SEARCH: "off",
    });
    expectShortPlainFailure(result);
    expect(result.stderr).toContain(`found only Java ${oldJdk?.major ?? "?"}`);
  });

  it("stop and status are calm when nothing runs", async () => {
    const stop = await runCli(["stop"], baseEnv);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain("[neo4j] the managed Neo4j is not running; nothing to stop");
    const status = await runCli(["status"], baseEnv);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^\[neo4j\] stopped: Neo4j /m);
  });
});

describe("managed Neo4j helpers", () => {
  it("reads Java majors from both version styles", () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('java version "1.8.0_412"')).toBe(8);
    expect(parseJavaMajor('JAVA_VERSION="21.0.8"')).toBe(21);
  });

  it("turns typical start failures into one-line diagnoses", () => {
    const context = { port: 7687, home: "/h", confFile: "/h/conf/neo4j.conf", javaMajor: 17 };
    expect(diagnose("java.net.BindException: Address already in use", context)).toMatch(
      /port 7687/,
    );
    expect(
      diagnose("Terminating due to java.lang.OutOfMemoryError: Java heap space", context),
    ).toMatch(/NEO4J_HEAP/);
    expect(diagnose("UnsupportedClassVersionError: class file version 65.0", context)).toMatch(
      /Java 17/,
    );
    expect(diagnose("-XX:+ExitOnOutOfMemoryError", context)).toBeUndefined();
  });
});
