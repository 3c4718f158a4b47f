import { boltUri, loadConfig, type Config } from "../../src/config";
import { Database } from "../../src/db/database";
import { StatsRepository } from "../../src/repositories/stats.repository";
import { applySchema, seedFromDirectory, SEEDS_DIR } from "../../src/services/seeding";
import { ensureNeo4j } from "../../scripts/neo4j/manager";

/**
 * The Neo4j the tests use (started when down), holding the seeded graph: the suite and `npm start`
 * seed it, and a fresh one is seeded the same idempotent way. What `npm run bench`, `bench:mixed`
 * and `bench:profile` measure against.
 */
export async function seededNeo4j(
  log: (line: string) => void,
): Promise<{ config: Config; uri: string }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: "silent" });
  await ensureNeo4j(config, { logger: { info: log, error: log } });
  const db = Database.connect(config);
  try {
    if ((await new StatsRepository(db).counts()).entities === 0) {
      await applySchema(db);
      await seedFromDirectory(db, SEEDS_DIR);
    }
  } finally {
    await db.close();
  }
  return { config, uri: boltUri(config) };
}
