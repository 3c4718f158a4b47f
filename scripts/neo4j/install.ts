/**
 * Installing the managed Neo4j: the pinned version, the paths of .neo4j/, the Maven fetch of the
 * jars (with its completion marker), and the home the server runs in (conf, initial password).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../src/config";
import { neo4jConf } from "./conf";
import { Neo4jManagerError } from "./errors";
import { findOnPath, type JavaRuntime } from "./java";
import { DOWNLOAD_TIMEOUT_MS, envOf, LOG_TAIL_LINES, say, type ManagerOptions } from "./options";

/**
 * The one place the Neo4j version is named: the Maven fetch, the lib folder, `status` and the
 * docker-compose.yml image test all read it. Why this release: docs/neo4j-local.md.
 */
export const NEO4J_VERSION = "2026.08.1";

/** Java majors NEO4J_VERSION supports, best first (25 is the newer LTS and is what was verified). */
export const SUPPORTED_JAVA_MAJORS: readonly number[] = [25, 21];

const ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand";

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

interface InstallMarker {
  readonly version: string;
  readonly jars: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly downloadedAt: string;
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

export function childEnv(options: ManagerOptions, java: JavaRuntime): NodeJS.ProcessEnv {
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

export async function prepareHome(
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

export function assertManagedUser(config: Config): void {
  // set-initial-password only knows the built-in user; other users would need a running server.
  if (config.neo4jUser !== "neo4j") {
    throw new Neo4jManagerError([
      `NEO4J_USER="${config.neo4jUser}": the managed Neo4j has only the user neo4j.`,
      "Unset NEO4J_USER (or set it to neo4j), or point NEO4J_URI at a Neo4j that has that user.",
    ]);
  }
}
