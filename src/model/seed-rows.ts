/**
 * The rows of the batched seeding queries: what services/seed-rows.ts builds from a checked seed
 * set and repositories/seed.repository.ts writes. Types only, shared by both layers.
 */

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface SeedRows {
  readonly documents: { id: string; props: Props }[];
  readonly passages: { id: string; documentId: string; props: Props }[];
  readonly entities: { id: string; kind: string; props: Props }[];
  /** `via` absent is `name`, as for the forms a curator writes. */
  readonly nameForms: { key: string; entityId: string; via?: NameVia }[];
  /**
   * curated: a quote the seeds give; automatic: one of the entity's name forms where the text
   * has it (seeds/mentions.ts), which no curated quote of the entity covers.
   */
  readonly mentions: {
    entityId: string;
    passageId: string;
    /** null: attached by a curator through the API, kept without a kind as curation writes it. */
    kind: "curated" | "automatic" | null;
  }[];
  readonly facts: { id: string; entityId: string; passageId: string; props: Props }[];
  readonly relationships: { source: string; type: string; target: string; props: Props }[];
  /**
   * What records.json holds (exports only): tombstones, audit entries and chain-map import records
   * by id, idempotency records by key, `at` the ISO text of their datetime.
   */
  readonly records?: { label: RecordLabel; id: string; at: string; props: Props }[];
  readonly mutations?: { key: string; at: string; props: Props }[];
}

/** The labels of records.json's records kept by id (MutationRecord is kept by key). */
export type RecordLabel = "Tombstone" | "Audit" | "ChainMapImport" | "Candidate";

/**
 * How a name form names its entity, in the order resolve tries them: `name`, one of the
 * document's forms (name, English name, alias); `later`, a later name (outside knowledge);
 * `pinyin`, the pinyin key of a Chinese form of either. Kept on the NAMES relationship.
 */
export type NameVia = "name" | "later" | "pinyin";
