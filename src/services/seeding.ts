import path from "node:path";
import { existsSync } from "node:fs";
import type { Database } from "../db/database";
import { SeedRepository } from "../repositories/seed.repository";
import { checkSeedSet, loadSeedSet } from "../seeds";
import type { SeedProblem } from "../seeds/types";
import { buildSeedRows } from "./seed-rows";

/** The repository's `seeds/` folder, from src/ or dist/src/. */
export const SEEDS_DIR = findUp("seeds");

function findUp(name: string): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, name);
    if (
      existsSync(path.join(candidate, "documents.json")) ||
      existsSync(path.join(candidate, "README.md"))
    ) {
      return candidate;
    }
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, "../..", name);
}

export class SeedValidationError extends Error {
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `seeds/ has ${problems.length} problem(s); nothing was written:\n` +
        problems.map((p) => `  ${p.file}: ${p.record}: ${p.reason}`).join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

export interface SeedSummary {
  readonly documents: number;
  readonly passages: number;
  readonly entities: number;
  readonly relationships: number;
  readonly facts: number;
}

/** Applies cypher/schema.cypher (idempotent). */
export async function applySchema(db: Database): Promise<number> {
  return new SeedRepository(db).applySchema();
}

/**
 * Validates the seed folder and, only when it has no problem at all, writes it to the graph with
 * batched MERGEs on ids. Running it twice leaves the graph unchanged.
 * @throws SeedValidationError before touching the database when any record is bad.
 */
export async function seedFromDirectory(
  db: Database,
  dir: string,
  batchSize?: number,
): Promise<SeedSummary> {
  const { problems, checked } = checkSeedSet(await loadSeedSet(dir));
  if (problems.length > 0) throw new SeedValidationError(problems);
  const rows = buildSeedRows(checked);
  await new SeedRepository(db, batchSize).write(rows);
  return {
    documents: rows.documents.length,
    passages: rows.passages.length,
    entities: rows.entities.length,
    relationships: rows.relationships.length,
    facts: rows.facts.length,
  };
}

/** Checksum of the whole graph (see SeedRepository.checksum). */
export function graphChecksum(db: Database): Promise<string> {
  return new SeedRepository(db).checksum();
}
