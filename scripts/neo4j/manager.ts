/**
 * The project-managed local Neo4j: fetches one pinned Neo4j Community release from Maven Central
 * with `mvn` into .neo4j/, runs it as a detached background JVM on loopback, and stops, kills or
 * reports on it. scripts/neo4j.ts is its command line; the API and the tests call ensureNeo4j().
 * Everything it logs is a plain line prefixed `[neo4j]`. See docs/neo4j-local.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { boltUri, type Config } from "../../src/config";
import { jvmOptions, neo4jConf } from "./conf";
import { diagnose, tailLines, wrongPasswordHint } from "./diagnose";
import { Neo4jManagerError } from "./errors";
import { findOnPath, resolveJava, type JavaEnv, type JavaRuntime } from "./java";

export { Neo4jManagerError } from "./errors";

/**
 * The one place the Neo4j version is named: the Maven fetch, the lib folder, `status` and the
 * docker-compose.yml image test all read it. Why this release: docs/neo4j-local.md.
 */
export const NEO4J_VERSION = "2026.08.1";

/** Java majors NEO4J_VERSION supports, best first (25 is the newer LTS and is what was verified). */
export const SUPPORTED_JAVA_MAJORS: readonly number[] = [25, 21];

/** The server's entry point (the distribution's bin/neo4j reaches it through a bootloader). */
export const MAIN_CLASS = "org.neo4j.server.Neo4jCommunity";
const ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand";

const DEFAULT_START_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_TIMEOUT_MS = 60_000;
const DOWNLOAD_TIMEOUT_MS = 20 * 60_000;
const POLL_MS = 500;
const LOG_TAIL_LINES = 40;

/** Where lines go; each line already starts with `[neo4j]`. */
export interface Neo4jLogger {
  readonly info: (line: string) => void;
  readonly error: (line: string) => void;
}

/** Options shared by every operation; all optional. */
export interface ManagerOptions {
  /** Project root (holds package.json and scripts/neo4j/pom.xml); found from this file otherwise. */
  readonly projectRoot?: string;
  /** Environment for Java lookup, NEO4J_LOCAL_DIR and child processes; process.env by default. */
  readonly env?: JavaEnv;
  /** Defaults to stderr, so a JSON logger on stdout stays parseable. */
  readonly logger?: Neo4jLogger;
  /** How long a start may take until Bolt answers; 120 s by default. */
  readonly startTimeoutMs?: number;
  /** How long `stop` waits after SIGTERM before SIGKILL; 60 s by default. */
  readonly stopTimeoutMs?: number;
}

/** The files and folders of the managed Neo4j. */
export interface Neo4jPaths {
  readonly root: string;
  /** .neo4j/ (or NEO4J_LOCAL_DIR): everything below is ignored by git and safe to delete. */
  readonly base: string;
  readonly lib: string;
  /** Written last by a complete download; its presence means "do not call mvn again". */
  readonly marker: string;
  readonly pom: string;
  readonly home: string;
  readonly conf: string;
  readonly confFile: string;
  readonly data: string;
  readonly logs: string;
  readonly consoleLog: string;
  readonly run: string;
  readonly pidFile: string;
  readonly stateFile: string;
  readonly lockDir: string;
  /** Hash of the password the store was created with, to explain a later mismatch. */
  readonly authMarker: string;
}

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

/** Written next to the pid file at start: what the running server was started with. */
interface RunState {
  readonly pid: number;
  readonly version: string;
  readonly port: number;
  readonly java: string;
  readonly javaMajor: number;
  readonly startedAt: string;
}

interface InstallMarker {
  readonly version: string;
  readonly jars: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly downloadedAt: string;
}

type Probe =
  | { readonly ok: true; readonly version: string; readonly edition: string }
  | {
      readonly ok: false;
      /** down: nothing answers yet; auth: credentials refused; database: NEO4J_DATABASE missing. */
      readonly kind: "down" | "auth" | "database" | "error";
      readonly message: string;
    };

const defaultLogger: Neo4jLogger = {
  info: (line) => process.stderr.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function say(options: ManagerOptions): Neo4jLogger {
  const logger = options.logger ?? defaultLogger;
  return {
    info: (line) => logger.info(`[neo4j] ${line}`),
    error: (line) => logger.error(`[neo4j] ${line}`),
  };
}

function envOf(options: ManagerOptions): JavaEnv {
  return options.env ?? process.env;
}

/** Walks up from this module (scripts/neo4j or dist/scripts/neo4j) to the folder with package.json. */
function findProjectRoot(): string {
  let dir = typeof __dirname === "string" ? __dirname : process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * The managed Neo4j's paths: .neo4j/<version>/lib for the jars, .neo4j/home for conf, data and logs
 * (kept across version bumps). NEO4J_LOCAL_DIR moves .neo4j elsewhere (tests use a scratch one).
 */
export function neo4jPaths(options: ManagerOptions = {}): Neo4jPaths {
  const root = options.projectRoot ?? findProjectRoot();
  const override = envOf(options).NEO4J_LOCAL_DIR?.trim();
  const base =
    override !== undefined && override !== "" ? path.resolve(override) : path.join(root, ".neo4j");
  const versionDir = path.join(base, NEO4J_VERSION);
  const home = path.join(base, "home");
  const conf = path.join(home, "conf");
  const data = path.join(home, "data");
  const logs = path.join(home, "logs");
  const run = path.join(home, "run");
  return {
    root,
    base,
    lib: path.join(versionDir, "lib"),
    marker: path.join(versionDir, "installed.json"),
    pom: path.join(root, "scripts", "neo4j", "pom.xml"),
    home,
    conf,
    confFile: path.join(conf, "neo4j.conf"),
    data,
    logs,
    consoleLog: path.join(logs, "console.log"),
    run,
    pidFile: path.join(run, "neo4j.pid"),
    stateFile: path.join(run, "state.json"),
    lockDir: path.join(base, "start.lock"),
    authMarker: path.join(data, ".managed-password.sha256"),
  };
}

// ---------------------------------------------------------------------------------------------
// Processes

function isAlive(pid: number): boolean {
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

function readState(paths: Neo4jPaths): RunState | undefined {
  try {
    return JSON.parse(fs.readFileSync(paths.stateFile, "utf8")) as RunState;
  } catch {
    return undefined;
  }
}

function clearRunFiles(paths: Neo4jPaths): void {
  fs.rmSync(paths.pidFile, { force: true });
  fs.rmSync(paths.stateFile, { force: true });
}

/**
 * The pid of the running managed server, from the pid file or, if that is missing, by scanning
 * processes. A stale pid file (dead pid, or a pid now used by another program) is removed and
 * reported through `onStale`.
 */
function runningPid(paths: Neo4jPaths, onStale?: (line: string) => void): number | undefined {
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

function signalGroup(pid: number, signal: NodeJS.Signals): void {
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

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

// ---------------------------------------------------------------------------------------------
// Bolt

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
async function probe(uri: string, config: Config): Promise<Probe> {
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
function portTaken(port: number): Promise<boolean> {
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

// ---------------------------------------------------------------------------------------------
// Lock: one start at a time per .neo4j folder (npm test and npm start may race)

async function withStartLock<T>(
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
// Download

function readMarker(paths: Neo4jPaths): InstallMarker | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(paths.marker, "utf8")) as InstallMarker;
    return marker.version === NEO4J_VERSION ? marker : undefined;
  } catch {
    return undefined;
  }
}

function jarsIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((name) => name.endsWith(".jar"));
  } catch {
    return [];
  }
}

/** True when the lib folder is complete: marker written, every jar present, main jar there. */
export function isInstalled(paths: Neo4jPaths): boolean {
  const marker = readMarker(paths);
  if (marker === undefined) return false;
  const jars = jarsIn(paths.lib);
  return jars.length >= marker.jars && jars.includes(`neo4j-${NEO4J_VERSION}.jar`);
}

function runCaptured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}${error.message}\n` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The lib folder relative to the project when it is inside it (the usual case), else absolute. */
function displayPath(paths: Neo4jPaths): string {
  const relative = path.relative(paths.root, paths.lib);
  return relative.startsWith("..") || path.isAbsolute(relative) ? paths.lib : relative;
}

function childEnv(options: ManagerOptions, java: JavaRuntime): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...(envOf(options) as NodeJS.ProcessEnv) };
  // mvn and the admin command find Java through JAVA_HOME; point it at the JDK chosen for Neo4j
  // when the user's own is unset or too old.
  if (java.home !== undefined) env.JAVA_HOME = java.home;
  return env;
}

/**
 * Downloads NEO4J_VERSION's jars with Maven into .neo4j/<version>/lib unless already there.
 * @returns whether it downloaded.
 * @throws Neo4jManagerError when mvn is missing or fails.
 */
export async function installNeo4j(
  java: JavaRuntime,
  options: ManagerOptions = {},
): Promise<boolean> {
  const paths = neo4jPaths(options);
  if (isInstalled(paths)) return false;
  const log = say(options);
  const env = envOf(options);
  const mvn = findOnPath("mvn", env.PATH);
  if (mvn === undefined) {
    throw new Neo4jManagerError([
      `Maven (mvn) not found: it downloads Neo4j ${NEO4J_VERSION} from Maven Central, once.`,
      "Install it (apt-get install maven), or run Neo4j with `docker compose up -d neo4j`,",
      "or use an existing Neo4j by setting NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD).",
    ]);
  }
  const partial = `${paths.lib}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.rmSync(paths.lib, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  log.info(
    `downloading Neo4j Community ${NEO4J_VERSION} from Maven Central with mvn (about 150 MB, once)`,
  );
  const started = Date.now();
  const result = await runCaptured(
    mvn,
    [
      "-B",
      "-q",
      "-f",
      paths.pom,
      `-Dneo4j.version=${NEO4J_VERSION}`,
      `-Dneo4j.lib=${partial}`,
      "dependency:copy-dependencies",
    ],
    childEnv(options, java),
    paths.root,
    DOWNLOAD_TIMEOUT_MS,
  );
  const jars = jarsIn(partial);
  if (result.code !== 0 || !jars.includes(`neo4j-${NEO4J_VERSION}.jar`)) {
    const tail = result.output.trim().split("\n").slice(-LOG_TAIL_LINES);
    for (const line of tail) log.error(`mvn: ${line}`);
    throw new Neo4jManagerError([
      `Maven could not download Neo4j ${NEO4J_VERSION} (exit ${result.code ?? "killed"}); its output is above.`,
      "Check that Maven Central is reachable (proxy or mirror in ~/.m2/settings.xml) and run the command again.",
    ]);
  }
  const bytes = jars.reduce((sum, jar) => sum + fs.statSync(path.join(partial, jar)).size, 0);
  fs.renameSync(partial, paths.lib);
  const seconds = (Date.now() - started) / 1000;
  const marker: InstallMarker = {
    version: NEO4J_VERSION,
    jars: jars.length,
    bytes,
    seconds,
    downloadedAt: new Date().toISOString(),
  };
  // Written last: a download cut short leaves no marker, so the next start downloads again.
  fs.writeFileSync(paths.marker, `${JSON.stringify(marker, null, 2)}\n`);
  log.info(
    `downloaded ${jars.length} jars (${(bytes / 1024 / 1024).toFixed(0)} MB) into ${displayPath(paths)} in ${seconds.toFixed(1)} s`,
  );
  return true;
}

// ---------------------------------------------------------------------------------------------
// Home: conf, initial password

const passwordHash = (config: Config): string =>
  createHash("sha256")
    .update(`neo4j-local\0${config.neo4jUser}\0${config.neo4jPassword}`)
    .digest("hex");

function storeExists(paths: Neo4jPaths): boolean {
  return fs.existsSync(path.join(paths.data, "databases", "system"));
}

async function prepareHome(
  config: Config,
  java: JavaRuntime,
  options: ManagerOptions,
): Promise<void> {
  const paths = neo4jPaths(options);
  const log = say(options);
  for (const dir of [
    paths.conf,
    paths.data,
    paths.logs,
    paths.run,
    path.join(paths.home, "import"),
  ]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(paths.confFile, neo4jConf(config, NEO4J_VERSION));

  if (storeExists(paths)) {
    let recorded: string | undefined;
    try {
      recorded = fs.readFileSync(paths.authMarker, "utf8").trim();
    } catch {
      recorded = undefined;
    }
    if (recorded !== undefined && recorded !== passwordHash(config)) {
      log.error(
        `warning: the store in ${paths.data} was created with a different NEO4J_PASSWORD; Neo4j will refuse the current one unless it was changed with ALTER USER.`,
      );
    }
    return;
  }

  // Before the first start only: Neo4j ignores an initial password once the system database exists.
  const result = await runCaptured(
    java.java,
    [
      "-Xmx256m",
      "-cp",
      path.join(paths.lib, "*"),
      ADMIN_CLASS,
      "dbms",
      "set-initial-password",
      config.neo4jPassword,
    ],
    { ...childEnv(options, java), NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
    paths.home,
    120_000,
  );
  if (result.code !== 0) {
    for (const line of result.output.trim().split("\n").slice(-LOG_TAIL_LINES))
      log.error(`neo4j-admin: ${line}`);
    throw new Neo4jManagerError([
      `setting the initial password failed (exit ${result.code ?? "killed"}); the admin command's output is above.`,
    ]);
  }
  fs.writeFileSync(paths.authMarker, `${passwordHash(config)}\n`);
  log.info(`set the initial password of user neo4j for the new store in ${paths.data}`);
}

function assertManagedUser(config: Config): void {
  // set-initial-password only knows the built-in user; other users would need a running server.
  if (config.neo4jUser !== "neo4j") {
    throw new Neo4jManagerError([
      `NEO4J_USER="${config.neo4jUser}": the managed Neo4j has only the user neo4j.`,
      "Unset NEO4J_USER (or set it to neo4j), or point NEO4J_URI at a Neo4j that has that user.",
    ]);
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

/** Why a start did not end with a server that answers. */
interface StartProblem {
  readonly why: string;
  /** The last probe error, if any. */
  readonly last: string | undefined;
  /** The probe was refused for its credentials: the cause is known without reading logs. */
  readonly refused: boolean;
}

/** Prints the log tail and returns the error to throw for a start that did not answer. */
function startFailure(
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
      const waited = await waitUntilAnswering(config, uri, pid, timeoutMs, undefined);
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

async function waitUntilAnswering(
  config: Config,
  uri: string,
  pid: number,
  timeoutMs: number,
  exited: (() => string | undefined) | undefined,
): Promise<{ ok: true; version: string } | ({ ok: false } & StartProblem)> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    const exit = exited?.() ?? (exited === undefined && !isAlive(pid) ? "gone" : undefined);
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

async function spawnServer(
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

  const result = await waitUntilAnswering(config, uri, pid, timeoutMs, () => exit);
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
