import "reflect-metadata";
import { startApp } from "./app";
import { ConfigError, loadConfig, type Config } from "./config";
import { Database } from "./db/database";
import { createLogger, type Logger } from "./logger";
import { applySchema, seedFromDirectory, SEEDS_DIR } from "./services/seeding";

const SHUTDOWN_GRACE_MS = 8_000;

/** A failure the user can act on: printed as one plain line, no stack trace. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function waitForNeo4j(db: Database, logger: Logger, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      logger.info("waiting for Neo4j to answer");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * Connects to Neo4j and waits for it to answer. Starting the project-managed Neo4j is dev tooling
 * (scripts/neo4j): `npm start` runs `scripts/neo4j.ts ensure-local` before this process, so the
 * production runtime only connects.
 */
async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const db = Database.connect(config, (error) => logger.error({ err: error }, "database error"));
  await waitForNeo4j(db, logger, 60_000);
  await applySchema(db);
  if (config.seedOnStart) {
    const summary = await seedFromDirectory(db, SEEDS_DIR, { onlyIfChanged: true });
    logger.info(summary, "seeded the graph");
  }
  return db;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config);

  let db: Database;
  try {
    db = await prepareDatabase(config, logger);
  } catch (error) {
    const hint =
      config.neo4jUri === undefined
        ? " (start the local one with `npm run neo4j -- ensure`, or run `npm start`, which does)"
        : "";
    fail(
      `Could not prepare Neo4j: ${error instanceof Error ? error.message : String(error)}${hint}`,
    );
  }

  const app = await startApp({ config, db, logger });
  logger.info({ url: app.url }, "GraphQL API ready");
  process.stdout.write(`GraphQL API ready at ${app.url} (Apollo Sandbox in a browser)\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // A hard stop after the grace period keeps the promise of exiting within 10 s.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      try {
        await app.stop();
        await db.close();
        logger.info("stopped");
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      }
    })();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Unexpected failure at start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
