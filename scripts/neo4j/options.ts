/**
 * What every part of the managed-Neo4j launcher shares: the caller's options, the `[neo4j]`
 * logger and the timings. manager.ts re-exports the types for callers.
 */
import type { JavaEnv } from "./java";

export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 60_000;
export const DOWNLOAD_TIMEOUT_MS = 20 * 60_000;
export const POLL_MS = 500;
export const LOG_TAIL_LINES = 40;

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

const defaultLogger: Neo4jLogger = {
  info: (line) => process.stderr.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export function say(options: ManagerOptions): Neo4jLogger {
  const logger = options.logger ?? defaultLogger;
  return {
    info: (line) => logger.info(`[neo4j] ${line}`),
    error: (line) => logger.error(`[neo4j] ${line}`),
  };
}

export function envOf(options: ManagerOptions): JavaEnv {
  return options.env ?? process.env;
}
