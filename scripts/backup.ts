import "reflect-metadata";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { backupTo } from "../src/services/backup/backup.service";
import { ensureNeo4j } from "./neo4j/manager";

/**
 * `npm run backup -- [--out FILE]`: a logical backup of the whole database (docs/operations.md),
 * taken while the service runs. The default name carries the time: backup-2026-12-03T04-46-43Z.jsonl.gz.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  const out = path.resolve(at >= 0 ? (args[at + 1] ?? "") : `backup-${stamp}.jsonl.gz`);
  const config = loadConfig();
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  try {
    const started = Date.now();
    const header = await backupTo(db, out);
    process.stdout.write(
      `backed up ${header.counts.nodes} nodes and ${header.counts.relationships} relationships to ${out} in ${Date.now() - started} ms (checksum ${header.checksum})\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `backup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
