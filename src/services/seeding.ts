import { createHash } from "node:crypto";
import path from "node:path";
import { existsSync } from "node:fs";
import type { ChecksumOptions } from "../model/graph-checksum";
import { SeedRepository } from "../repositories/seed.repository";
import type { AdminStore } from "../repositories/store";
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
  /** True when the same seed set had been applied already and nothing was written. */
  readonly skipped: boolean;
}

/** Applies cypher/schema.cypher (idempotent). */
export async function applySchema(db: AdminStore): Promise<number> {
  return new SeedRepository(db).applySchema();
}

export interface SeedOptions {
  /** Rows per UNWIND batch. */
  readonly batchSize?: number;
  /**
   * Skip the writes when this exact seed set was applied before (the service's start uses it, so a
   * restart leaves curated changes alone and costs one read).
   */
  readonly onlyIfChanged?: boolean;
}

/**
 * Validates the seed folder and, only when it has no problem at all, writes it to the graph with
 * batched MERGEs on ids. Running it twice leaves the graph unchanged. What curators deleted or
 * edited is left as they left it (tombstones and the curated flag).
 * @throws SeedValidationError before touching the database when any record is bad.
 */
export async function seedFromDirectory(
  db: AdminStore,
  dir: string,
  options: SeedOptions | number = {},
): Promise<SeedSummary> {
  const { batchSize, onlyIfChanged = false } =
    typeof options === "number" ? { batchSize: options } : options;
  const { problems, checked } = checkSeedSet(await loadSeedSet(dir));
  if (problems.length > 0) throw new SeedValidationError(problems);
  const rows = buildSeedRows(checked);
  const repository = new SeedRepository(db, batchSize);
  const checksum = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
  // One state per seed set, named by its documents, so sets seeded side by side don't collide.
  const setId = rows.documents
    .map((document) => document.id)
    .sort()
    .join(",");
  const skipped = onlyIfChanged && (await repository.appliedChecksum(setId)) === checksum;
  if (!skipped) {
    await repository.write(rows);
    await repository.recordChecksum(setId, checksum);
  }
  return {
    documents: rows.documents.length,
    passages: rows.passages.length,
    entities: rows.entities.length,
    relationships: rows.relationships.length,
    facts: rows.facts.length,
    skipped,
  };
}

/** Checksum of the whole graph, or of all but `excludeLabels` (see SeedRepository.checksum). */
export function graphChecksum(db: AdminStore, options: ChecksumOptions = {}): Promise<string> {
  return new SeedRepository(db).checksum(options);
}
