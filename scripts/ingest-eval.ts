/**
 * `npx tsx scripts/ingest-eval.ts`: measures candidate extraction on the seed document as if it
 * were new, against the curated seeds (issue 15), and prints the figures, the most common misses
 * and false positives, and a final JSON line.
 */

import path from "node:path";

import { evaluate, type Tally } from "../src/ingest/evaluate";
import { splitPassages } from "../src/ingest/passages";
import { checkSeedSet, loadSeedSet } from "../src/seeds";

const SEEDS = path.resolve(__dirname, "..", "seeds");

async function main(): Promise<number> {
  const { problems, checked } = checkSeedSet(await loadSeedSet(SEEDS));
  if (problems.length > 0) {
    process.stdout.write(`seeds: ${problems.length} problems; run npm run seeds:check\n`);
    return 1;
  }
  const document = checked.documents[0];
  if (document?.text === undefined) {
    process.stdout.write("seeds: no readable document\n");
    return 1;
  }
  const text = document.text;
  const result = evaluate(text, splitPassages(text), {
    documentId: document.record.id,
    entities: checked.entities.map((e) => e.record),
    relationships: checked.relationships.map((r) => r.record),
  });
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const { entities: e, relationships: r, mentions: m, misses } = result;
  const out: string[] = [
    `entities:      recall ${pct(e.recall)} (${e.matched}/${e.seeds})  precision ${pct(e.precision)} (${e.correct}/${e.candidates})`,
    `relationships: recall ${pct(r.recall)} (${r.matched}/${r.seeds})  precision ${pct(r.precision)} (${r.correct}/${r.candidates})`,
    `mentions:      recall ${pct(m.recall)} (${m.found}/${m.seeds})`,
  ];
  const list = (title: string, tallies: readonly Tally[]) => {
    out.push("", `${title}:`, ...tallies.map((t) => `  ${t.count}\t${t.item}`));
  };
  list("entities missed (seed mentions)", misses.entities);
  list("entity false positives (occurrences)", misses.entityFalsePositives);
  list("relationships missed (misses of that type)", misses.relationships);
  list("relationship false positives", misses.relationshipFalsePositives);
  list("mentions missed", misses.mentions);
  out.push("", JSON.stringify({ entities: e, relationships: r, mentions: m }));
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
