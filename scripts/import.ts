import "reflect-metadata";
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { ConfigError, loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import type { RowProblem } from "../src/model/chain-map";
import { createServices } from "../src/services";
import {
  isImportSetName,
  type ImportPlan,
  type ImportProgress,
} from "../src/services/chain-maps/import.service";
import { parseChainMapFiles } from "../src/services/chain-maps/parse";
import { applySchema } from "../src/services/seeding";
import { ensureNeo4j } from "./neo4j/manager";

const USAGE = `usage: npm run import -- FILE [--dry-run] [--as NAME]

FILE      a chain map: an .xlsx workbook, or a folder (or list) of .csv tables
          (sources.csv, segments.csv, members.csv, links.csv); docs/chain-maps.md
--dry-run print the diff (to create, to update field by field, unchanged, to remove,
          conflicts) and write nothing
--as NAME the chain map's name: what it owns, replaced when imported again
          (default: the file's or folder's name without extension)
--chunked commit every 5,000 rows on their own, for a file larger than Neo4j lets one
          transaction grow: not all or nothing (a failure part way leaves part written;
          importing the file again completes it)
`;

/** A mistake in the command line: its message is the whole answer. */
class UsageError extends Error {}

interface Options {
  readonly paths: string[];
  readonly dryRun: boolean;
  readonly importSet: string | null;
  readonly chunked: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const paths: string[] = [];
  let dryRun = false;
  let importSet: string | null = null;
  let chunked = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--chunked") chunked = true;
    else if (arg === "--as") importSet = argv[(i += 1)] ?? null;
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError(USAGE);
  return { paths, dryRun, importSet, chunked };
}

/** The files a path names: a file, or a folder's .xlsx/.csv files. */
function filesOf(paths: readonly string[]): { name: string; bytes: Buffer }[] {
  return paths.flatMap((given) => {
    const full = path.resolve(given);
    if (!statSync(full).isDirectory()) return [{ name: full, bytes: readFileSync(full) }];
    return readdirSync(full)
      .filter((name) => /\.(csv|xlsx)$/i.test(name))
      .sort()
      .map((name) => ({ name, bytes: readFileSync(path.join(full, name)) }));
  });
}

function printProblems(title: string, problems: readonly RowProblem[]): void {
  process.stdout.write(`${title} (${problems.length}):\n`);
  for (const p of problems)
    process.stdout.write(
      `  ${p.sheet} row ${p.row}${p.column === null ? "" : `, column ${p.column}`}: ${p.reason}\n`,
    );
}

const SHOWN = 50;

function printPlan(plan: ImportPlan, rows: number): void {
  const counts = (c: ImportPlan["entityCounts"]): string =>
    `${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.remove} to remove`;
  process.stdout.write(
    `chain map "${plan.importSet}" (${plan.fileName}, sha256 ${plan.checksum.slice(0, 12)}…, ${rows} rows)\n` +
      `  entities:      ${counts(plan.entityCounts)}\n` +
      `  relationships: ${counts(plan.relationshipCounts)}\n` +
      `  already stated by the documents or others: ${plan.alreadyStated}\n`,
  );
  const changes = [
    ...plan.entities
      .filter((c) => c.action !== "unchanged")
      .map(
        (c) =>
          `  ${c.action.padEnd(7)} ${c.kind} ${c.name} (${c.id})${c.fields
            .map((f) => `\n            ${f.field}: ${f.before ?? "—"} → ${f.after ?? "—"}`)
            .join("")}`,
      ),
    ...plan.relationships
      .filter((c) => c.action !== "unchanged")
      .map(
        (c) =>
          `  ${c.action.padEnd(7)} ${c.source} -[${c.type}]-> ${c.target}${c.fields
            .filter((f) => f.field !== "citation")
            .map((f) => ` ${f.field}: ${f.before ?? "—"} → ${f.after ?? "—"}`)
            .join("")}`,
      ),
  ];
  for (const line of changes.slice(0, SHOWN)) process.stdout.write(`${line}\n`);
  if (changes.length > SHOWN) process.stdout.write(`  … and ${changes.length - SHOWN} more\n`);
  if (plan.conflicts.length > 0) printProblems("conflicts", plan.conflicts);
}

/** `npm run import -- FILE [--dry-run] [--as NAME]`: a chain map into the graph. */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const files = filesOf(options.paths);
  const first = options.paths[0] ?? "chain-map";
  const importSet = options.importSet ?? path.basename(first).replace(/\.[^.]*$/, "");
  if (!isImportSetName(importSet))
    throw new UsageError(
      `"${importSet}" cannot name a chain map: use --as with 1 to 100 letters, digits, spaces, dots, underscores or dashes`,
    );
  const started = Date.now();
  const parsed = await parseChainMapFiles(files, path.basename(first));
  if (!parsed.ok) {
    printProblems("refused: bad rows, nothing written", parsed.problems);
    process.exitCode = 2;
    return;
  }
  const map = parsed.map;
  const rows = map.sources.length + map.segments.length + map.members.length + map.links.length;
  // A large map is one long transaction: give it time unless the environment says otherwise.
  const config = loadConfig({ NEO4J_TX_TIMEOUT_MS: "3600000", ...process.env });
  if (config.neo4jUri === undefined) await ensureNeo4j(config);
  const db = Database.connect(config);
  const bar = new SingleBar(
    { format: "{phase} [{bar}] {value}/{total} {percentage}% {duration}s", hideCursor: true },
    Presets.shades_classic,
  );
  let phase: ImportProgress["phase"] | null = null;
  const onProgress = (progress: ImportProgress): void => {
    if (!process.stderr.isTTY && progress.done !== progress.total) return;
    if (phase !== progress.phase) {
      if (phase !== null) bar.stop();
      phase = progress.phase;
      bar.start(progress.total, 0, { phase: progress.phase.padEnd(7) });
    }
    bar.update(progress.done);
  };
  try {
    await applySchema(db);
    const services = createServices(db, {
      id: `cli:${os.userInfo().username}`,
      roles: ["admin"],
      anonymous: false,
    });
    const importOptions = {
      importSet,
      actor: `cli:${os.userInfo().username}`,
      onProgress,
      chunked: options.chunked,
    };
    const result = options.dryRun
      ? await services.chainMaps.plan(map, importOptions)
      : await services.chainMaps.apply(map, importOptions);
    if (phase !== null) bar.stop();
    const seconds = (Date.now() - started) / 1000;
    printPlan(result, rows);
    if (result.conflicts.length > 0) {
      process.stdout.write("refused: conflicts with the graph, nothing written\n");
      process.exitCode = 2;
    } else if (options.dryRun) {
      process.stdout.write("dry run: nothing written\n");
    } else {
      process.stdout.write("written\n");
    }
    process.stdout.write(
      `${rows} rows in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds)} rows/s\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError || error instanceof UsageError
      ? `${error.message}\n`
      : `import failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
