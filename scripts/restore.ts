import "reflect-metadata";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { restoreFrom } from "../src/services/backup/backup.service";
import { ensureNeo4j } from "./neo4j/manager";

/**
 * `npm run restore -- FILE [--force]`: restores a backup of `npm run backup` into an empty database
 * (or, with --force, into one it empties first), then checks the graph's checksum against the
 * file's. Exits 1 with one line saying why on a bad file, a non-empty database or a mismatch.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1) throw new Error("usage: npm run restore -- FILE [--force]");
  const file = path.resolve(files[0] ?? "");
  const config = loadConfig();
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  try {
    const started = Date.now();
    const header = await restoreFrom(db, file, { force });
    process.stdout.write(
      `restored ${header.counts.nodes} nodes and ${header.counts.relationships} relationships from ${file} in ${Date.now() - started} ms; checksum ${header.checksum} verified\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `restore failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
