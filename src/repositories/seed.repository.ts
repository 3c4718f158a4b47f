import type { Database, Params, Row } from "../db/database";
import { cypher, type QueryName } from "../db/cypher";
import { asList, asText } from "../db/values";
import { RELATION_TYPES } from "../model/vocabulary";
import type { SeedRows } from "../model/seed-rows";
import { checksumOf, type ChecksumOptions } from "../model/graph-checksum";

/** Rows per UNWIND batch; see bench/ for how it was chosen. */
export const DEFAULT_BATCH_SIZE = 1_000;

/** The state record that says a database's relationships all have sort keys, and its version. */
export const SORT_KEYS_STATE = "schema:relation-sort-keys";
const SORT_KEYS_VERSION = "1";

/** Writes seed rows with batched UNWIND … MERGE queries, and reads the whole graph back for checks. */
export class SeedRepository {
  constructor(
    private readonly db: Database,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {}

  /**
   * Applies cypher/schema.cypher and the sort-key indexes of every relationship type, then gives
   * sort keys to relationships written before they existed (none, after the first time). Every
   * step is idempotent. Returns the number of schema statements.
   */
  async applySchema(): Promise<number> {
    const count = await this.applyConstraints();
    // Looking for keyless relationships reads every relationship (5 s at a million entities), so
    // it runs once per database: a graph this code wrote has keys from the start.
    if ((await this.appliedChecksum(SORT_KEYS_STATE)) !== SORT_KEYS_VERSION) {
      await this.db.maintenance("relation-keys-backfill", { types: RELATION_TYPES });
      await this.recordChecksum(SORT_KEYS_STATE, SORT_KEYS_VERSION);
    }
    await this.db.maintenance("await-indexes", { seconds: 3_000 });
    return count;
  }

  /**
   * Only the constraints and indexes of applySchema, without its one-off backfill, which records a
   * SeedState of its own: a restore applies these before writing a backup that holds that state.
   */
  async applyConstraints(): Promise<number> {
    let count = await this.db.applyStatements(cypher("schema"));
    for (const type of RELATION_TYPES) {
      count += await this.db.applyStatements(cypher({ query: "relation-sort-indexes", type }));
    }
    await this.db.maintenance("await-indexes", { seconds: 3_000 });
    return count;
  }

  /** Writes every row; nodes before the relationships that need them. */
  async write(rows: SeedRows): Promise<void> {
    // Tombstones first: they keep what curators removed out of the writes below.
    await this.batched("seed-records", rows.records ?? []);
    await this.batched("seed-mutations", rows.mutations ?? []);
    await this.batched("seed-documents", rows.documents);
    await this.batched("seed-passages", rows.passages);
    const entities = await this.batched("seed-entities", rows.entities);
    // A curated entity already in the graph is not written, nor are its name forms; one that a
    // file (an export) brings into a graph without it is written whole, forms too.
    const written = new Set(entities.flatMap((row) => asList(row.written).map(asText)));
    await this.batched(
      "seed-name-forms",
      rows.nameForms.filter((row) => written.has(row.entityId)),
    );
    await this.batched(
      "seed-prune-name-forms",
      nameFormSets(rows).filter((row) => written.has(row.entityId)),
    );
    await this.batched("seed-mentions", rows.mentions);
    await this.batched("seed-prune-mentions", mentionSets(rows));
    await this.batched("seed-facts", rows.facts);
    await this.batched("seed-relationships", rows.relationships);
    // Relationships the seeds do not hold (curated ones) still carry a renamed entity's old name.
    const renamed = entities.flatMap((row) => asList(row.renamed).map(asText));
    for (let i = 0; i < renamed.length; i += this.batchSize) {
      await this.db.write("relation-keys-renamed", { ids: renamed.slice(i, i + this.batchSize) });
    }
  }

  /** The checksum last applied for a seed set (named by its documents), if any. */
  async appliedChecksum(id: string): Promise<string | null> {
    const [row] = await this.db.read("seed-state-read", { id });
    return typeof row?.checksum === "string" ? row.checksum : null;
  }

  async recordChecksum(id: string, checksum: string): Promise<void> {
    await this.db.write("seed-state-write", { id, checksum });
  }

  /**
   * A sha256 of every node's labels and properties and every relationship's endpoints, type and
   * properties, in a canonical order (graph-checksum.ts): equal checksums mean equal graphs.
   * `excludeLabels` leaves out the nodes bearing those labels and their relationships.
   */
  async checksum(options: ChecksumOptions = {}): Promise<string> {
    const excluded = new Set(options.excludeLabels ?? []);
    const kept = (labels: unknown): boolean =>
      !(Array.isArray(labels) && labels.some((label) => excluded.has(String(label))));
    const nodes = await this.db.read("graph-nodes");
    const rels = await this.db.read("graph-relationships");
    return checksumOf(
      nodes
        .filter((row) => kept(row.labels))
        .map((row) => ({ labels: sortedStrings(row.labels), props: row.props })),
      rels
        .filter((row) => kept(row.sourceLabels) && kept(row.targetLabels))
        .map(({ source, type, target, props }) => ({ source, type, target, props })),
    );
  }

  private async batched(name: QueryName, rows: readonly object[]): Promise<Row[]> {
    const results: Row[] = [];
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const params: Params = { rows: rows.slice(i, i + this.batchSize) };
      results.push(...(await this.db.write(name, params)));
    }
    return results;
  }
}

/** Each entity's full set of name-form keys, so forms the seeds dropped can be pruned. */
function nameFormSets(rows: SeedRows): { entityId: string; keys: string[] }[] {
  const byEntity = new Map<string, string[]>();
  for (const { entityId, key } of rows.nameForms)
    byEntity.set(entityId, [...(byEntity.get(entityId) ?? []), key]);
  return [...byEntity.entries()].map(([entityId, keys]) => ({ entityId, keys }));
}

/** Each seeded entity's automatic mentions, by passage id, for pruning the ones no longer found. */
function mentionSets(rows: SeedRows): { entityId: string; passageIds: string[] }[] {
  const byEntity = new Map<string, string[]>(rows.entities.map((row) => [row.id, []]));
  for (const { entityId, passageId, kind } of rows.mentions) {
    if (kind === "automatic") byEntity.get(entityId)?.push(passageId);
  }
  return [...byEntity.entries()].map(([entityId, passageIds]) => ({ entityId, passageIds }));
}

function sortedStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}
