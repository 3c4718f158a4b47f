import "reflect-metadata";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import {
  applySchema,
  seedFromDirectory,
  SEEDS_DIR,
  SeedValidationError,
} from "../src/services/seeding";
import { ensureNeo4j } from "./neo4j/manager";

/** `npm run seed`: validate seeds/, then write them to Neo4j (idempotent). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  try {
    await applySchema(db);
    const started = Date.now();
    const summary = await seedFromDirectory(db, process.argv[2] ?? SEEDS_DIR);
    process.stdout.write(`seeded in ${Date.now() - started} ms: ${JSON.stringify(summary)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SeedValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `seed failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
