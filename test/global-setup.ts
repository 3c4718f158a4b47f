import { loadConfig, boltUri } from "../src/config";
import { Database } from "../src/db/database";
import { applySchema, seedFromDirectory, SEEDS_DIR } from "../src/services/seeding";

/**
 * Runs once before all test files: the integration tests need the real Neo4j that `npm test`
 * started, with the schema applied and the seed graph loaded. An unreachable Neo4j fails the whole
 * run with a message saying how to fix it; no test is skipped for it.
 */
export default async function setup(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const db = Database.connect(config);
  try {
    try {
      await db.ping();
    } catch (error) {
      throw new Error(
        `Neo4j is not reachable at ${boltUri(config)} (${error instanceof Error ? error.message : String(error)}). ` +
          "Run the tests with `npm test` (it starts the project's Neo4j), start it with `npm run neo4j -- start`, " +
          "or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD for an existing Neo4j.",
        { cause: error },
      );
    }
    await applySchema(db);
    await seedFromDirectory(db, SEEDS_DIR);
  } finally {
    await db.close();
  }
}
