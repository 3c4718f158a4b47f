import { afterAll, beforeAll, expect } from "vitest";
import { startApp, type RunningApp } from "../../src/app";
import { loadConfig, type Config } from "../../src/config";
import { Database } from "../../src/db/database";
import { createLogger } from "../../src/logger";

export interface TestServer {
  readonly url: string;
  readonly db: Database;
  readonly config: Config;
  stop(): Promise<void>;
}

/** Starts the API in this process on a free port against the test Neo4j. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", PORT: "0", ...env });
  const logger = createLogger({ ...config, logLevel: "silent" });
  const db = Database.connect(config);
  const app: RunningApp = await startApp({ config, db, logger });
  // With WARM_UP (production), a test starts once the background warm-up has ended, so the
  // round trips it counts are its own.
  await app.hubQueriesWarmed;
  return {
    url: app.url,
    db,
    config,
    stop: async () => {
      await app.stop();
      await db.close();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** POSTs one GraphQL operation and returns the status and parsed body. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** A GraphQL answer's data, read loosely: tests assert on it. */
export type Data = Record<string, any>;

export interface FileServer {
  /** The running server's /graphql URL (inside a test or hook). */
  readonly url: string;
  readonly server: TestServer;
  /** Asks a query that must answer without errors, and returns its data. */
  readonly ok: (query: string, variables?: Data) => Promise<Data>;
}

/**
 * One API server for a test file: started before its tests and stopped after them (vitest's
 * beforeAll/afterAll, registered where this is called).
 */
export function serveForFile(env: Record<string, string> = {}): FileServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(env);
  });
  afterAll(async () => {
    await running?.stop();
  });
  const current = (): TestServer => {
    if (running === undefined) throw new Error("the test server is not running yet");
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get server() {
      return current();
    },
    ok: async (query, variables = {}) => {
      const response = await gql<Data>(current().url, query, variables);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data ?? {};
    },
  };
}
