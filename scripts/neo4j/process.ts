/**
 * The server's JVM as a process: its pid and run-state files, finding it again, signals, waiting
 * for it to exit, the start lock, spawning it, and explaining from its logs why a start failed.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { boltUri, type Config } from "../../src/config";
import { jvmOptions } from "./conf";
import { diagnose, tailLines, wrongPasswordHint } from "./diagnose";
import { Neo4jManagerError } from "./errors";
import { childEnv, NEO4J_VERSION, type Neo4jPaths } from "./install";
import type { JavaRuntime } from "./java";
import {
  DEFAULT_START_TIMEOUT_MS,
  DOWNLOAD_TIMEOUT_MS,
  LOG_TAIL_LINES,
  POLL_MS,
  say,
  sleep,
  type ManagerOptions,
} from "./options";
import { waitUntilAnswering, type StartProblem } from "./probe";

/** The server's entry point (the distribution's bin/neo4j reaches it through a bootloader). */
export const MAIN_CLASS = "org.neo4j.server.Neo4jCommunity";

/** Written next to the pid file at start: what the running server was started with. */
interface RunState {
  readonly pid: number;
  readonly version: string;
  readonly port: number;
  readonly java: string;
  readonly javaMajor: number;
  readonly startedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Processes

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed child of this very process stays a zombie until reaped; it is not running.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return true;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    // No /proc (macOS): ask ps.
    const result = spawnSyncText("ps", ["-o", "command=", "-p", String(pid)]);
    return result === undefined || result.trim() === "" ? undefined : result;
  }
}

function spawnSyncText(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 5_000 });
  return result.status === 0 ? result.stdout : undefined;
}

/** Whether pid is a Neo4j server started by this manager for this home (not a reused pid). */
function isOurServer(pid: number, paths: Neo4jPaths): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLineOf(pid);
  return cmd !== undefined && cmd.includes(MAIN_CLASS) && cmd.includes(`--home-dir=${paths.home}`);
}

/** Servers of this home found by their command line, for when the pid file was lost. */
function scanForServers(paths: Neo4jPaths): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid && isOurServer(pid, paths));
}

function readPidFile(paths: Neo4jPaths): number | undefined {
  try {
    const pid = Number(fs.readFileSync(paths.pidFile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function readState(paths: Neo4jPaths): RunState | undefined {
  try {
    return JSON.parse(fs.readFileSync(paths.stateFile, "utf8")) as RunState;
  } catch {
    return undefined;
  }
}

export function clearRunFiles(paths: Neo4jPaths): void {
  fs.rmSync(paths.pidFile, { force: true });
  fs.rmSync(paths.stateFile, { force: true });
}

/**
 * The pid of the running managed server, from the pid file or, if that is missing, by scanning
 * processes. A stale pid file (dead pid, or a pid now used by another program) is removed and
 * reported through `onStale`.
 */
export function runningPid(
  paths: Neo4jPaths,
  onStale?: (line: string) => void,
): number | undefined {
  const recorded = readPidFile(paths);
  if (recorded !== undefined) {
    if (isOurServer(recorded, paths)) return recorded;
    const why = isAlive(recorded) ? "now belongs to another program" : "is not running";
    onStale?.(`removed a stale pid file: pid ${recorded} ${why}`);
    clearRunFiles(paths);
  }
  const found = scanForServers(paths);
  if (found[0] !== undefined) {
    fs.mkdirSync(paths.run, { recursive: true });
    fs.writeFileSync(paths.pidFile, `${found[0]}\n`);
  }
  return found[0];
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  // The server leads its own process group (detached); signalling the group reaches any children.
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

// ---------------------------------------------------------------------------------------------
// Lock: one start at a time per .neo4j folder (npm test and npm start may race)

export async function withStartLock<T>(
  paths: Neo4jPaths,
  options: ManagerOptions,
  action: () => Promise<T>,
): Promise<T> {
  const log = say(options);
  fs.mkdirSync(paths.base, { recursive: true });
  const deadline =
    Date.now() + DOWNLOAD_TIMEOUT_MS + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(paths.lockDir);
      fs.writeFileSync(path.join(paths.lockDir, "owner"), `${process.pid}\n`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: number | undefined;
      try {
        owner = Number(fs.readFileSync(path.join(paths.lockDir, "owner"), "utf8").trim());
      } catch {
        owner = undefined;
      }
      if (owner !== undefined && Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        fs.rmSync(paths.lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Neo4jManagerError([
          `another start (pid ${owner ?? "?"}) has held ${paths.lockDir} for too long; if no start is running, delete that folder.`,
        ]);
      }
      if (!told) {
        log.info(`waiting for another start of the managed Neo4j (pid ${owner ?? "?"}) to finish`);
        told = true;
      }
      await sleep(POLL_MS);
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(paths.lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const size = fileSize(file);
    if (size <= offset) return "";
    const fd = fs.openSync(file, "r");
    try {
      const length = Math.min(size - offset, 1024 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return buffer.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return "";
  }
}

/** Prints the log tail and returns the error to throw for a start that did not answer. */
export function startFailure(
  config: Config,
  paths: Neo4jPaths,
  java: JavaRuntime | undefined,
  problem: StartProblem,
  logOffsets: { neo4j: number; debug: number },
  options: ManagerOptions,
): Neo4jManagerError {
  const log = say(options);
  const debugLog = path.join(paths.logs, "debug.log");
  // Neo4j's WARN/ERROR lines from this start only: the INFO diagnostics list JVM flags such as
  // -XX:+ExitOnOutOfMemoryError that would match the rules by name.
  const debugProblems = readFrom(debugLog, logOffsets.debug)
    .split("\n")
    .filter((line) => /"level":"(?:WARN|ERROR)"/.test(line));
  const consoleTail = tailLines(paths.consoleLog, LOG_TAIL_LINES);
  if (consoleTail.length > 0) {
    log.error(`last ${consoleTail.length} lines of ${paths.consoleLog}:`);
    for (const line of consoleTail) log.error(`  ${line}`);
  }
  // A console log this short means Neo4j died early; its reasons are then in debug.log.
  if (consoleTail.length < 15 && debugProblems.length > 0) {
    const shown = debugProblems.slice(-(LOG_TAIL_LINES - consoleTail.length));
    log.error(`warnings and errors of this start in ${debugLog}:`);
    for (const line of shown) log.error(`  ${line}`);
  }
  const cause = problem.refused
    ? wrongPasswordHint(paths.home)
    : diagnose(
        [
          readFrom(paths.consoleLog, 0),
          readFrom(path.join(paths.logs, "neo4j.log"), logOffsets.neo4j),
          debugProblems.join("\n"),
          problem.last ?? "",
        ].join("\n"),
        {
          port: config.neo4jBoltPort,
          home: paths.home,
          confFile: paths.confFile,
          javaMajor: java?.major,
        },
      );
  const unknown = `no known cause found${problem.last === undefined ? "" : ` (last answer: ${problem.last})`}; see the log above and ${paths.logs}`;
  return new Neo4jManagerError([`${problem.why}: ${cause ?? unknown}`]);
}

export async function spawnServer(
  config: Config,
  java: JavaRuntime,
  paths: Neo4jPaths,
  options: ManagerOptions,
  began: number,
): Promise<boolean> {
  const log = say(options);
  const uri = boltUri(config);
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  // One console.log per start keeps its tail about this start; the previous one is kept beside it.
  if (fs.existsSync(paths.consoleLog)) fs.renameSync(paths.consoleLog, `${paths.consoleLog}.1`);
  const logOffsets = {
    neo4j: fileSize(path.join(paths.logs, "neo4j.log")),
    debug: fileSize(path.join(paths.logs, "debug.log")),
  };
  const out = fs.openSync(paths.consoleLog, "a");
  const args = [
    ...jvmOptions(config, java.major, paths.logs),
    "-cp",
    path.join(paths.lib, "*"),
    MAIN_CLASS,
    `--home-dir=${paths.home}`,
    `--config-dir=${paths.conf}`,
    "--console-mode",
  ];
  log.info(
    `starting Neo4j ${NEO4J_VERSION} with Java ${java.major} (${java.java}), heap ${config.neo4jHeap}, page cache ${config.neo4jPagecache}`,
  );
  const child = spawn(java.java, args, {
    cwd: paths.home,
    // Own process group and session: Ctrl-C in the terminal that ran `start` does not stop it.
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...childEnv(options, java), NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
  });
  fs.closeSync(out);
  let exit: string | undefined;
  child.on("exit", (code, signal) => {
    exit = signal === null ? `exit code ${code ?? "?"}` : `signal ${signal}`;
  });
  child.on("error", (error) => {
    exit = error.message;
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) {
    throw new Neo4jManagerError([`could not start ${java.java}: ${exit ?? "no pid"}`]);
  }
  fs.writeFileSync(paths.pidFile, `${pid}\n`);
  const state: RunState = {
    pid,
    version: NEO4J_VERSION,
    port: config.neo4jBoltPort,
    java: java.java,
    javaMajor: java.major,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);

  const result = await waitUntilAnswering(config, uri, timeoutMs, () => exit);
  if (result.ok) {
    log.info(
      `Neo4j ${result.version} is up at ${uri} (pid ${pid}) after ${((Date.now() - began) / 1000).toFixed(1)} s; logs in ${paths.logs}`,
    );
    return true;
  }
  // Leave nothing half-started behind: the next start should begin from a clean state.
  if (isAlive(pid)) {
    signalGroup(pid, "SIGTERM");
    if (!(await waitForExit(pid, 15_000))) signalGroup(pid, "SIGKILL");
  }
  clearRunFiles(paths);
  throw startFailure(config, paths, java, result, logOffsets, options);
}
