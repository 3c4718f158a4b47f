/**
 * The project-managed local Neo4j: fetches one pinned Neo4j Community release from Maven Central
 * with `mvn` into .neo4j/, runs it as a detached background JVM on loopback, and stops, kills or
 * reports on it. scripts/neo4j.ts is its command line; the API and the tests call ensureNeo4j().
 * Everything it logs is a plain line prefixed `[neo4j]`. See docs/neo4j-local.md.
 *
 * This module is the public entry and decides what a start does; the work lives beside it:
 * install.ts (version, paths, Maven fetch, home), process.ts (pid files, signals, lock, spawn),
 * probe.ts (Bolt queries and waiting for an answer), options.ts (options, logger, timings).
 */
import { boltUri, type Config } from "../../src/config";
import { tailLines } from "./diagnose";
import { Neo4jManagerError } from "./errors";
import {
  assertManagedUser,
  installNeo4j,
  NEO4J_VERSION,
  neo4jPaths,
  prepareHome,
  SUPPORTED_JAVA_MAJORS,
} from "./install";
import { resolveJava } from "./java";
import {
  DEFAULT_START_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  envOf,
  say,
  type ManagerOptions,
} from "./options";
import {
  clearRunFiles,
  isAlive,
  readState,
  runningPid,
  signalGroup,
  spawnServer,
  startFailure,
  waitForExit,
  withStartLock,
} from "./process";
import { portTaken, probe, waitUntilAnswering } from "./probe";

export { Neo4jManagerError } from "./errors";
export {
  installNeo4j,
  isInstalled,
  NEO4J_VERSION,
  neo4jPaths,
  SUPPORTED_JAVA_MAJORS,
  type Neo4jPaths,
} from "./install";
export type { ManagerOptions, Neo4jLogger } from "./options";
export { MAIN_CLASS } from "./process";

/** What `status` found. */
export interface Neo4jStatus {
  readonly state: "running" | "stopped";
  /** The managed JVM's pid, when it runs. */
  readonly pid: number | undefined;
  /** Version the server reports (or the pinned one when it does not answer). */
  readonly version: string;
  readonly edition: string | undefined;
  readonly uri: string;
  /** Whether RETURN 1 with the configured credentials works. */
  readonly answering: boolean;
  /** Why it does not answer, when it does not. */
  readonly problem: string | undefined;
  /** True when NEO4J_URI points at a Neo4j this project does not manage. */
  readonly external: boolean;
  readonly home: string;
}

/**
 * Starts the managed server unless it (or another Neo4j accepting the credentials) already answers.
 * Reuses; never starts a second server on the same home.
 */
async function startManaged(
  config: Config,
  options: ManagerOptions,
): Promise<{ uri: string; started: boolean }> {
  assertManagedUser(config);
  const paths = neo4jPaths(options);
  const uri = boltUri(config);
  const log = say(options);
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  return withStartLock(paths, options, async () => {
    const pid = runningPid(paths, log.info);
    const first = await probe(uri, config);
    if (first.ok) {
      log.info(
        pid === undefined
          ? `a Neo4j ${first.version} not started by this script already answers at ${uri}; using it`
          : `already running: Neo4j ${first.version} at ${uri} (pid ${pid})`,
      );
      return { uri, started: false };
    }
    if (first.kind === "auth") {
      throw new Neo4jManagerError([
        `a Neo4j answers at ${uri} but refuses NEO4J_USER/NEO4J_PASSWORD (${first.message}).`,
        pid === undefined
          ? `Use its credentials, or stop it, or set NEO4J_BOLT_PORT to a free port.`
          : `Its store (${paths.data}) was created with another password: use that one, or stop it and delete ${paths.data} (all data) to start fresh.`,
      ]);
    }
    if (first.kind === "database") {
      throw new Neo4jManagerError([
        `the Neo4j at ${uri} has no database "${config.neo4jDatabase}" (NEO4J_DATABASE).`,
        `Community has one user database, named when the store is created: unset NEO4J_DATABASE, or stop the server and delete ${paths.data} (all data) to create it under the new name.`,
      ]);
    }
    if (pid !== undefined) {
      const state = readState(paths);
      if (state !== undefined && state.port !== config.neo4jBoltPort) {
        throw new Neo4jManagerError([
          `the managed Neo4j (pid ${pid}) runs on port ${state.port}, but NEO4J_BOLT_PORT is ${config.neo4jBoltPort}; run \`npm run neo4j -- restart\` to move it.`,
        ]);
      }
      // Started by a process that gave up waiting, or still recovering: give it the usual time.
      log.info(`the managed Neo4j (pid ${pid}) is running but does not answer yet; waiting`);
      const waited = await waitUntilAnswering(config, uri, timeoutMs, () =>
        isAlive(pid) ? undefined : "gone",
      );
      if (waited.ok) return { uri, started: false };
      throw startFailure(
        config,
        paths,
        undefined,
        { ...waited, why: `the managed Neo4j (pid ${pid}) does not answer at ${uri}` },
        { neo4j: 0, debug: 0 },
        options,
      );
    }
    if (await portTaken(config.neo4jBoltPort)) {
      throw new Neo4jManagerError([
        `port ${config.neo4jBoltPort} on 127.0.0.1 is in use by a program that does not answer as Neo4j (${first.message}).`,
        `Stop it (see \`ss -ltnp 'sport = :${config.neo4jBoltPort}'\`) or set NEO4J_BOLT_PORT to a free port.`,
      ]);
    }

    const java = resolveJava(envOf(options), SUPPORTED_JAVA_MAJORS, NEO4J_VERSION);
    const began = Date.now();
    await installNeo4j(java, options);
    await prepareHome(config, java, options);
    return { uri, started: await spawnServer(config, java, paths, options, began) };
  });
}

// ---------------------------------------------------------------------------------------------
// Public operations

/**
 * Makes sure a Neo4j answers for this configuration. With NEO4J_URI set it only checks that the
 * existing server answers a query with the credentials. Otherwise it reuses whatever answers on
 * the configured Bolt port, or downloads (first time) and starts the managed server.
 * @returns the Bolt URI, and whether this call started a server.
 * @throws Neo4jManagerError with plain lines (what failed, what to do); the log tail is logged.
 */
export async function ensureNeo4j(
  config: Config,
  options: ManagerOptions = {},
): Promise<{ uri: string; started: boolean }> {
  const uri = boltUri(config);
  const answer = await probe(uri, config);
  if (config.neo4jUri !== undefined) {
    if (answer.ok) {
      say(options).info(
        `NEO4J_URI is set: using Neo4j ${answer.version} ${answer.edition} at ${uri}`,
      );
      return { uri, started: false };
    }
    throw new Neo4jManagerError([
      `NEO4J_URI is set, but the Neo4j at ${uri} does not answer: ${answer.message}`,
      answer.kind === "auth"
        ? "Check NEO4J_USER and NEO4J_PASSWORD."
        : "Start that server, or unset NEO4J_URI to use the project-managed Neo4j.",
    ]);
  }
  if (answer.ok) return { uri, started: false };
  return startManaged(config, options);
}

/**
 * Starts the managed Neo4j (downloading it the first time) and waits until Bolt answers; says so
 * and returns started:false when it already runs. With NEO4J_URI set it behaves like ensureNeo4j.
 * @throws Neo4jManagerError when Java or Maven is missing or the server does not come up.
 */
export async function startNeo4j(
  config: Config,
  options: ManagerOptions = {},
): Promise<{ uri: string; started: boolean }> {
  if (config.neo4jUri !== undefined) return ensureNeo4j(config, options);
  return startManaged(config, options);
}

/**
 * Stops the managed Neo4j: SIGTERM, then SIGKILL after the stop timeout. Idempotent: with no
 * server it says so; a stale pid file is removed.
 * @returns whether a server was stopped.
 */
export async function stopNeo4j(
  _config: Config,
  options: ManagerOptions = {},
): Promise<{ stopped: boolean }> {
  const paths = neo4jPaths(options);
  const log = say(options);
  const pid = runningPid(paths, log.info);
  if (pid === undefined) {
    log.info("the managed Neo4j is not running; nothing to stop");
    return { stopped: false };
  }
  const started = Date.now();
  log.info(`stopping the managed Neo4j (pid ${pid})`);
  signalGroup(pid, "SIGTERM");
  const timeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  if (!(await waitForExit(pid, timeoutMs))) {
    log.error(`pid ${pid} did not stop within ${Math.round(timeoutMs / 1000)} s; sending SIGKILL`);
    signalGroup(pid, "SIGKILL");
    await waitForExit(pid, 10_000);
  }
  clearRunFiles(paths);
  log.info(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { stopped: true };
}

/**
 * Kills the managed Neo4j with SIGKILL, no shutdown (for fault tests); the store recovers at the
 * next start.
 * @returns the killed pid, if one was running.
 */
export async function killNeo4j(
  _config: Config,
  options: ManagerOptions = {},
): Promise<{ killed: boolean; pid: number | undefined }> {
  const paths = neo4jPaths(options);
  const log = say(options);
  const pid = runningPid(paths, log.info);
  if (pid === undefined) {
    log.info("the managed Neo4j is not running; nothing to kill");
    return { killed: false, pid: undefined };
  }
  signalGroup(pid, "SIGKILL");
  await waitForExit(pid, 10_000);
  clearRunFiles(paths);
  log.info(`killed the managed Neo4j (pid ${pid}) with SIGKILL`);
  return { killed: true, pid };
}

/**
 * Reports whether the managed Neo4j runs, its pid, the version it reports and whether a query with
 * the configured credentials works. With NEO4J_URI set it reports on that server instead.
 */
export async function neo4jStatus(
  config: Config,
  options: ManagerOptions = {},
): Promise<Neo4jStatus> {
  const paths = neo4jPaths(options);
  const uri = boltUri(config);
  const external = config.neo4jUri !== undefined;
  const pid = external ? undefined : runningPid(paths, say(options).info);
  const answer = await probe(uri, config);
  const state = readState(paths);
  return {
    state: answer.ok || pid !== undefined ? "running" : "stopped",
    pid,
    version: answer.ok ? answer.version : (state?.version ?? NEO4J_VERSION),
    edition: answer.ok ? answer.edition : undefined,
    uri,
    answering: answer.ok,
    problem: answer.ok ? undefined : answer.message,
    external,
    home: paths.home,
  };
}

/** The last `lines` lines of the server's console log (its stdout and stderr). */
export function neo4jLogTail(
  lines: number,
  options: ManagerOptions = {},
): { file: string; lines: string[] } {
  const paths = neo4jPaths(options);
  return { file: paths.consoleLog, lines: tailLines(paths.consoleLog, lines) };
}
