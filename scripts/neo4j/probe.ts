/**
 * Asking Bolt: a real query with the configured credentials (probe), whether a port is taken, and
 * waiting until a starting server answers.
 */
import net from "node:net";
import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../../src/config";
import { POLL_MS, sleep } from "./options";

export type Probe =
  | { readonly ok: true; readonly version: string; readonly edition: string }
  | {
      readonly ok: false;
      /** down: nothing answers yet; auth: credentials refused; database: NEO4J_DATABASE missing. */
      readonly kind: "down" | "auth" | "database" | "error";
      readonly message: string;
    };

function driverFor(uri: string, config: Config): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxConnectionPoolSize: 1,
    // A probe answers now or says why; the driver's own retries would hide the reason for 30 s.
    maxTransactionRetryTime: 0,
    userAgent: "chengdu-innovation-kg/neo4j-manager",
  });
}

/**
 * Runs a real query (RETURN 1 in the configured database, then the server's version) with the
 * configured credentials.
 */
export async function probe(uri: string, config: Config): Promise<Probe> {
  const driver = driverFor(uri, config);
  const session = driver.session({ database: config.neo4jDatabase });
  try {
    await session.run("RETURN 1 AS ok");
    const result = await session.run(
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    );
    const record = result.records[0];
    return {
      ok: true,
      version: String(record?.get("version") ?? "unknown"),
      edition: String(record?.get("edition") ?? "unknown"),
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    if (code === "ServiceUnavailable" || code === "SessionExpired")
      return { ok: false, kind: "down", message };
    if (typeof code === "string" && code.startsWith("Neo.ClientError.Security.")) {
      return { ok: false, kind: "auth", message: `${code}: ${message}` };
    }
    if (code === "Neo.ClientError.Database.DatabaseNotFound") {
      return { ok: false, kind: "database", message: `${code}: ${message}` };
    }
    return {
      ok: false,
      kind: "error",
      // The driver's own codes (e.g. "N/A") say nothing; Neo4j's status codes do.
      message:
        typeof code === "string" && code.startsWith("Neo.") ? `${code}: ${message}` : message,
    };
  } finally {
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}

/** Whether anything accepts TCP connections on 127.0.0.1:port. */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (taken: boolean): void => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Why a start did not end with a server that answers. */
export interface StartProblem {
  readonly why: string;
  /** The last probe error, if any. */
  readonly last: string | undefined;
  /** The probe was refused for its credentials: the cause is known without reading logs. */
  readonly refused: boolean;
}

/**
 * Probes until Bolt answers, the server is gone (`exited` returns why), a probe's answer will not
 * change by waiting (credentials refused, database missing), or the timeout passes.
 */
export async function waitUntilAnswering(
  config: Config,
  uri: string,
  timeoutMs: number,
  exited: () => string | undefined,
): Promise<{ ok: true; version: string } | ({ ok: false } & StartProblem)> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    const exit = exited();
    if (exit !== undefined) {
      return { ok: false, last, refused: false, why: `Neo4j exited during start (${exit})` };
    }
    const answer = await probe(uri, config);
    if (answer.ok) return { ok: true, version: answer.version };
    last = answer.message;
    // Wrong credentials will not fix themselves, and retrying trips Neo4j's login rate limit.
    if (answer.kind === "auth") {
      return { ok: false, last, refused: true, why: "Neo4j started but was stopped again" };
    }
    // A missing database is not created by waiting either (Community cannot CREATE DATABASE).
    if (answer.kind === "database") {
      return { ok: false, last, refused: false, why: "Neo4j started but was stopped again" };
    }
    if (Date.now() > deadline) {
      const why = `Neo4j did not answer at ${uri} within ${Math.round(timeoutMs / 1000)} s`;
      return { ok: false, last, refused: false, why };
    }
    await sleep(POLL_MS);
  }
}
