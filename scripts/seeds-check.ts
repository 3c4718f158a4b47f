/**
 * `npm run seeds:check [dir]`: validates a seeds directory (default: the repository's `seeds/`) and
 * prints either one summary line or one `file: record: reason` line per problem. Exit code 1 when
 * anything is wrong, so it can gate CI and seeding.
 */

import path from "node:path";

import { checkSeedSet, countSeedSet, loadSeedSet, SeedLoadError, type SeedSet } from "../src/seeds";

// From __dirname, not the working directory, so the script works wherever npm is run from.
const DEFAULT_DIR = path.resolve(__dirname, "..", "seeds");

async function main(argument: string | undefined): Promise<number> {
  const dir = argument === undefined ? DEFAULT_DIR : path.resolve(argument);
  let set: SeedSet;
  try {
    set = await loadSeedSet(dir);
  } catch (error) {
    if (!(error instanceof SeedLoadError)) throw error;
    process.stdout.write(`${error.message}\nseeds: cannot be loaded from ${dir}\n`);
    return 1;
  }

  const { problems, checked } = checkSeedSet(set);
  if (problems.length > 0) {
    for (const { file, record, reason } of problems)
      process.stdout.write(`${file}: ${record}: ${reason}\n`);
    process.stdout.write(
      `seeds: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}\n`,
    );
    return 1;
  }

  const counts = countSeedSet(checked);
  process.stdout.write(
    `seeds: OK — ${counts.documents} documents, ${counts.entities} entities, ` +
      `${counts.relationships} relationships, ${counts.facts} facts, ${counts.quotes} quotes verified\n`,
  );
  return 0;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `seeds:check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
