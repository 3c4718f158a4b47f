/**
 * `npm run neo4j -- <command>`: the project-managed local Neo4j (see docs/neo4j-local.md).
 * Every line it prints starts with `[neo4j]`; failures print what went wrong and what to do, with
 * no stack trace, and exit 1.
 */
import { ConfigError, loadConfig, type Config } from "../src/config";
import {
  ensureNeo4j,
  killNeo4j,
  neo4jLogTail,
  Neo4jManagerError,
  neo4jStatus,
  startNeo4j,
  stopNeo4j,
  NEO4J_VERSION,
  type ManagerOptions,
} from "./neo4j/manager";

const USAGE = [
  "usage: npm run neo4j -- <command>",
  `  start    download Neo4j ${NEO4J_VERSION} (first time) and start it in the background`,
  "  ensure   reuse a Neo4j that answers with the configured credentials, else start one",
  "  ensure-local  like ensure, but leave an external NEO4J_URI to the service (npm start)",
  "  stop     stop the managed Neo4j (SIGTERM, then SIGKILL after 60 s)",
  "  restart  stop, then start",
  "  status   running or stopped, pid, version, Bolt URI",
  "  logs [N] the last N (default 60) lines of the server's console log",
  "  kill     SIGKILL the managed Neo4j (fault tests)",
];

const options: ManagerOptions = {
  logger: {
    info: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  },
};

const out = (line: string): void => {
  process.stdout.write(`[neo4j] ${line}\n`);
};
const err = (line: string): void => {
  process.stderr.write(`[neo4j] ${line}\n`);
};

async function status(config: Config): Promise<void> {
  const s = await neo4jStatus(config, options);
  const where = s.external ? `NEO4J_URI ${s.uri}` : `bolt ${s.uri}`;
  if (s.answering) {
    const owner = s.external
      ? "external"
      : s.pid === undefined
        ? "not managed by this script"
        : `pid ${s.pid}`;
    const edition = s.edition === undefined ? "" : ` ${s.edition}`;
    out(
      `running: Neo4j ${s.version}${edition}, ${owner}, ${where}, answers as ${config.neo4jUser}`,
    );
  } else if (s.state === "running") {
    out(
      `running but not answering: pid ${s.pid ?? "?"}, Neo4j ${s.version}, ${where}: ${s.problem ?? "no answer"}`,
    );
  } else if (s.external) {
    out(`not answering: ${where}: ${s.problem ?? "no answer"}`);
  } else {
    out(`stopped: Neo4j ${s.version} (managed), ${where} when started`);
  }
  if (!s.external) out(`home ${s.home}`);
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    for (const line of USAGE) (command === undefined ? err : out)(line);
    return command === undefined ? 2 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case "start":
      await startNeo4j(config, options);
      return 0;
    case "ensure": {
      const result = await ensureNeo4j(config, options);
      if (!result.started && config.neo4jUri === undefined) out(`Neo4j answers at ${result.uri}`);
      return 0;
    }
    case "ensure-local":
      // npm start: the service itself waits for an external NEO4J_URI; only the project-managed
      // Neo4j is this script's to start (src/ must not import scripts/, eslint.config.mjs).
      if (config.neo4jUri === undefined) {
        const result = await ensureNeo4j(config, options);
        if (!result.started) out(`Neo4j answers at ${result.uri}`);
      }
      return 0;
    case "stop":
      await stopNeo4j(config, options);
      return 0;
    case "restart":
      await stopNeo4j(config, options);
      await startNeo4j(config, options);
      return 0;
    case "kill":
      await killNeo4j(config, options);
      return 0;
    case "status":
      await status(config);
      return 0;
    case "logs": {
      const count = args[0] === undefined ? 60 : Number(args[0]);
      if (!Number.isInteger(count) || count <= 0) {
        err(`logs takes a positive line count, not "${args[0]}"`);
        return 2;
      }
      const tail = neo4jLogTail(count, options);
      if (tail.lines.length === 0) out(`no log yet at ${tail.file}`);
      else out(`last ${tail.lines.length} lines of ${tail.file}:`);
      for (const line of tail.lines) out(`  ${line}`);
      return 0;
    }
    default:
      err(`unknown command "${command}"`);
      for (const line of USAGE) err(line);
      return 2;
  }
}

void run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Neo4jManagerError) {
      for (const line of error.lines) err(line);
    } else if (error instanceof ConfigError) {
      for (const problem of error.problems) err(`configuration: ${problem}`);
    } else {
      err(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
