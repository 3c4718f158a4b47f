/**
 * How fast a large chain map imports: builds the FIXTURE workbook of test/fixtures/chain-maps
 * (fictional names, never fact) with about 100,000 organisation rows, then times each step on
 * the project's Neo4j (loopback): building the file, parsing it, planning the diff (name
 * resolution included), applying it, and importing it again (nothing to change). Prints rows per
 * second; at the end it imports the same map with no rows, which removes all it wrote (import set
 * bench-import), and times that too.
 *
 *   npm run bench:import              3 industries × 20 segments × 33,334 organisations
 *   npm run bench:import -- 10000     organisations per industry
 *   npm run bench:import -- 5000 --chunked   a transaction per 5,000 rows at any size
 */
import "reflect-metadata";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { createServices } from "../src/services";
import type { ImportProgress } from "../src/services/chain-maps/import.service";
import { parseChainMap } from "../src/services/chain-maps/parse";
import { applySchema } from "../src/services/seeding";
import { fixtureData, workbookOf } from "../test/fixtures/chain-maps/build";
import { onNode24 } from "./lib/node24";

const SET = "bench-import";

async function timed<T>(label: string, rows: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${label.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  ${Math.round(rows / seconds)
      .toLocaleString("en")
      .padStart(9)} rows/s\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const perIndustry = Number(process.argv[2] ?? 33_334);
  const config = loadConfig({ NEO4J_TX_TIMEOUT_MS: "3600000", ...process.env });
  const db = Database.connect(config);
  const services = createServices(db, { id: "bench", roles: ["admin"], anonymous: false });
  // Beyond about 20,000 organisations a file outgrows what a 1 GiB Neo4j lets one transaction
  // hold (bench/RESULTS.md): larger ones are imported chunked.
  const chunked = perIndustry * 3 > 20_000 || process.argv.includes("--chunked");
  process.stdout.write(
    `mode: ${chunked ? "chunked (a transaction per 5,000 rows)" : "one transaction"}\n`,
  );
  const options = {
    importSet: SET,
    actor: "bench",
    chunked,
    onProgress: (progress: ImportProgress) => {
      if (progress.done === progress.total)
        process.stderr.write(`  ${progress.phase}: ${progress.total} done\n`);
    },
  };
  try {
    await applySchema(db);
    const { tables } = fixtureData({ membersPerIndustry: perIndustry });
    const rows = Object.values(tables).reduce((sum, list) => sum + list.length, 0);
    process.stdout.write(
      `chain map: ${rows.toLocaleString("en")} rows (${tables.members.length.toLocaleString("en")} organisations)\n`,
    );
    const bytes = await timed("build the workbook", rows, () => workbookOf(tables));
    process.stdout.write(`workbook: ${(bytes.length / 1_048_576).toFixed(1)} MiB\n`);
    const parsed = await timed("parse", rows, () => parseChainMap(bytes, "bench.xlsx"));
    if (!parsed.ok) throw new Error(`the fixture did not parse: ${parsed.problems[0]?.reason}`);
    const plan = await timed("plan (dry run)", rows, () =>
      services.chainMaps.plan(parsed.map, options),
    );
    if (plan.conflicts.length > 0) throw new Error(`conflicts: ${plan.conflicts[0]?.reason}`);
    const first = await timed("apply (plan + write)", rows, () =>
      createServices(db, { id: "bench", roles: ["admin"], anonymous: false }).chainMaps.apply(
        parsed.map,
        options,
      ),
    );
    process.stdout.write(
      `  created ${first.entityCounts.create} entities, ${first.relationshipCounts.create} relationships\n`,
    );
    const again = await timed("import again (no change)", rows, () =>
      createServices(db, { id: "bench", roles: ["admin"], anonymous: false }).chainMaps.apply(
        parsed.map,
        options,
      ),
    );
    process.stdout.write(
      `  unchanged ${again.entityCounts.unchanged} entities, ${again.relationshipCounts.unchanged} relationships\n`,
    );
    // The same chain map with its sources only: re-importing removes everything it wrote.
    const empty = { ...parsed.map, segments: [], members: [], links: [] };
    const removed = await timed("import it empty (remove all)", rows, () =>
      createServices(db, { id: "bench", roles: ["admin"], anonymous: false }).chainMaps.apply(
        empty,
        options,
      ),
    );
    process.stdout.write(
      `  removed ${removed.entityCounts.remove} entities, ${removed.relationshipCounts.remove} relationships\n`,
    );
  } finally {
    await db.close();
  }
}

onNode24(main);
