import "reflect-metadata";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { AppError } from "../src/errors";
import { createServices } from "../src/services";
import { applySchema } from "../src/services/seeding";
import { ensureNeo4j } from "./neo4j/manager";

const USAGE = `usage: npm run ingest -- FILE --date YYYY-MM-DD [--title T] [--issuer I] [--source S] [--dry-run]

FILE       a policy document: .txt (UTF-8 or GB18030), .docx, or .pdf with a text layer
--date     the day it was issued (required: every document has a date)
--title    its title (default: the text's first line)
--issuer   who issued it, e.g. 成都市科学技术局
--source   where it comes from: a URL or an archive reference
--dry-run  read, find mentions and candidates, print the counts, write nothing

The text is stored with its sha256; mentions of known entities are recorded; candidates wait
for review (the candidates query and acceptCandidate; docs/ingestion.md). The same text twice
changes nothing.
`;

class UsageError extends Error {}

interface Options {
  readonly file: string;
  readonly date: string | null;
  readonly title: string | null;
  readonly issuer: string | null;
  readonly source: string | null;
  readonly dryRun: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const values: Record<string, string | null> = {
    date: null,
    title: null,
    issuer: null,
    source: null,
  };
  let file: string | null = null;
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith("--") && arg.slice(2) in values) {
      const value = argv[(i += 1)];
      if (value === undefined) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      values[arg.slice(2)] = value;
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else if (file === null) file = arg;
    else throw new UsageError(`one file at a time (got ${file} and ${arg})\n${USAGE}`);
  }
  if (file === null) throw new UsageError(USAGE);
  return {
    file,
    date: values.date ?? null,
    title: values.title ?? null,
    issuer: values.issuer ?? null,
    source: values.source ?? null,
    dryRun,
  };
}

/** `npm run ingest -- FILE --date …`: a new policy document into the graph and its review queue. */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const bytes = readFileSync(path.resolve(options.file));
  const config = loadConfig(process.env);
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  const started = Date.now();
  try {
    await applySchema(db);
    const actor = `cli:${os.userInfo().username}`;
    const services = createServices(db, { id: actor, roles: ["editor"], anonymous: false });
    const result = await services.ingest.ingest({
      bytes,
      fileName: path.basename(options.file),
      date: options.date,
      title: options.title,
      issuer: options.issuer,
      source: options.source,
      dryRun: options.dryRun,
    });
    const seconds = (Date.now() - started) / 1000;
    const { entity, relationship, fact } = result.candidates;
    process.stdout.write(
      `${result.documentId} (${result.format}${result.pages === null ? "" : `, ${result.pages} pages`}, ` +
        `${result.characters} characters, sha256 ${result.sha256.slice(0, 12)}…)\n` +
        `  passages: ${result.passages} (${result.repeatedPassages} repeating an earlier one)\n` +
        `  mentions of known entities: ${result.mentions}\n` +
        `  candidates for review: ${entity} entities, ${relationship} relationships, ${fact} facts\n` +
        (options.dryRun
          ? "dry run: nothing written\n"
          : result.created
            ? "written\n"
            : "already stored: nothing written\n") +
        `in ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof UsageError;
  if (error instanceof AppError) {
    process.stderr.write(`refused: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    known
      ? `${error.message}\n`
      : `ingest failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
