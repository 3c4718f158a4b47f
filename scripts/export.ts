import "reflect-metadata";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { exportTo } from "../src/services/export/export.service";
import { ExportError } from "../src/services/export/records";
import { SEEDS_DIR } from "../src/services/seeding";
import { ensureNeo4j } from "./neo4j/manager";

/**
 * `npm run export -- [--out DIR]`: writes the current graph as a seed folder (default `export/`),
 * keeping the committed seeds/' files and order where the graph agrees with them, so
 * `diff -r seeds export` shows what changed through the API (docs/operations.md).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  const out = path.resolve(at >= 0 ? (args[at + 1] ?? "") : "export");
  const config = loadConfig();
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  try {
    const started = Date.now();
    const summary = await exportTo(db, out, { reference: SEEDS_DIR, format: prettierJson });
    process.stdout.write(
      `exported ${summary.documents} documents, ${summary.entities} entities and ${summary.relationships} relationships${summary.records ? " (and records.json)" : ""} to ${out} in ${Date.now() - started} ms\n`,
    );
  } finally {
    await db.close();
  }
}

/** The JSON as Prettier prints it with the repository's settings, as the committed seeds are. */
export async function prettierJson(json: string, file: string): Promise<string> {
  const options = (await resolveConfig(path.join(SEEDS_DIR, file))) ?? {};
  return format(json, { ...options, parser: "json", filepath: file });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError || error instanceof ExportError
        ? `${error.message}\n`
        : `export failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
