/**
 * The records of `seeds/` (see `seeds/README.md`, the contract) and the shapes the loader and the
 * validator pass around. The zod schemas in `schema.ts` are checked against these types, so the two
 * cannot drift apart.
 */

import type { EntityKind, RelationSpec } from "../model/vocabulary";

/** A verbatim quote of a document, located at `start` (UTF-16 code units into the decoded text). */
export interface Quote {
  readonly doc: string;
  readonly quote: string;
  readonly start: number;
}

/**
 * A quote that names an entity. `attached`: a curator attached it through the API (the graph
 * keeps such a mention without a kind, so seeding never prunes it); absent, the seeds give it.
 */
export interface Mention extends Quote {
  readonly attached?: true | undefined;
}

/** A number the text states about an entity, with its unit and its quote. */
export interface Fact extends Quote {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier?: string | undefined;
}

/** One record of `documents.json`. */
export interface SeedDocument {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly sha256: string;
  readonly language: string;
  /**
   * When the document was issued (YYYY-MM-DD): what relationships and facts take their dates from
   * (docs/ingestion.md, "Dates"). Required at ingestion; optional here only for seed sets older
   * than dates.
   */
  readonly date?: string | undefined;
  /** How `date` was found when the document does not print it (the seed document's is inferred). */
  readonly dateNote?: string | undefined;
  /**
   * An ingested document's provenance (docs/ingestion.md): by whom, where from, the file it was
   * read from and how, and who ingested it when. The seed document predates ingestion and has none
   * of them.
   */
  readonly issuer?: string | undefined;
  readonly source?: string | undefined;
  readonly sourceFile?: string | undefined;
  readonly format?: string | undefined;
  readonly pages?: number | undefined;
  readonly passageCount?: number | undefined;
  readonly repeatedPassages?: number | undefined;
  readonly origin?: string | undefined;
  readonly ingestedBy?: string | undefined;
  readonly ingestedAt?: string | undefined;
}

/** What became of a name after the document: `renamed`, the entity took this name later. */
export type LaterNameKind = "renamed";

/**
 * A name the entity bears after the document, from outside knowledge (not a quote of any
 * document): kept apart from `aliases`, which are the document's own forms.
 */
export interface LaterName {
  readonly name: string;
  readonly nameEn?: string | undefined;
  readonly kind: LaterNameKind;
  /** The year of the change; `note` says what the year marks (approval, taking effect). */
  readonly year: number;
  readonly note: string;
  /** Where the change is stated, only when it can be named exactly; absent: outside knowledge. */
  readonly source?: string | undefined;
}

export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly nameEn?: string | undefined;
  readonly nameEnOfficial?: boolean | undefined;
  readonly nameInferred?: boolean | undefined;
  readonly aliases: readonly string[];
  readonly ambiguousAliases?: readonly string[] | undefined;
  readonly laterNames: readonly LaterName[];
  readonly description?: string | undefined;
  readonly mentions: readonly Mention[];
  readonly facts: readonly Fact[];
  /**
   * What `npm run export` writes for an entity that came through the API or an import (see
   * seeds/README.md, "Exported records"); hand-written records leave them out.
   * curated: a curator created or edited it (seeding leaves a curated entity as it finds it).
   */
  readonly curated?: true | undefined;
  /** The chain map that owns it (imported entities). */
  readonly importSet?: string | undefined;
  /** A chain segment's place in its chain (imported). */
  readonly chainPosition?: string | undefined;
  /** The sources an imported entity cites, each as stored: JSON text. */
  readonly citations?: readonly string[] | undefined;
  /**
   * The automatic mentions the graph holds, when they are not the ones seeding would find from
   * the entity's name forms (a curator renamed it, or created it, after the documents were
   * scanned): seeding then writes these instead of scanning.
   */
  readonly automaticMentions?: readonly Quote[] | undefined;
}

/**
 * explicit: the quote states the link; inferred: it follows from the quote plus a name or outside
 * knowledge (confidence below 1, a note); positional: the quote shows one end (an item) and its
 * place in the document's list, under the heading of the other end, states the link.
 */
export type EvidenceKind = "explicit" | "inferred" | "positional" | "curated" | "imported";

export type PropertyValue = string | number | boolean;

export interface Relationship {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly evidence: readonly Quote[];
  readonly evidenceKind: EvidenceKind;
  readonly confidence: number;
  readonly properties?: Readonly<Record<string, PropertyValue>> | undefined;
  readonly note?: string | undefined;
  /** The source an imported link cites, as stored: JSON text (exported records only). */
  readonly citation?: string | undefined;
  /** The chain map that owns an imported link (exported records only). */
  readonly importSet?: string | undefined;
}

/**
 * `records.json`, written by `npm run export` when the graph holds more than entities and
 * relationships: what curation and imports record about themselves, and passages nothing else
 * quotes any more (a removed link's). Values as stored; `at` is the stored datetime as ISO text.
 */
export interface GraphRecords {
  readonly tombstones: readonly Readonly<Record<string, ScalarOrList>>[];
  readonly audits: readonly Readonly<Record<string, ScalarOrList>>[];
  readonly mutations: readonly Readonly<Record<string, ScalarOrList>>[];
  readonly chainMapImports: readonly Readonly<Record<string, ScalarOrList>>[];
  /** Ingested documents' review queues (docs/ingestion.md). */
  readonly candidates: readonly Readonly<Record<string, ScalarOrList>>[];
  readonly passages: readonly Quote[];
}

export type ScalarOrList = string | number | boolean | readonly string[];

/**
 * A record as read from disk, not yet validated. `file` is relative to the seeds directory
 * (`entities/institutions.json`) and `index` is the record's position in that file's array, so a
 * problem can point at the record even when it has no usable id.
 */
export interface SourcedRecord<T = unknown> {
  readonly file: string;
  readonly index: number;
  readonly record: T;
}

/** A `documents.json` record with the bytes of the file it names; undefined when that file is missing. */
export interface LoadedDocument extends SourcedRecord {
  readonly bytes: Uint8Array | undefined;
}

/** Everything `loadSeedSet` read, unvalidated: `validateSeedSet` decides what is wrong with it. */
export interface SeedSet {
  /** `records.json`, unvalidated; undefined when the folder has none (hand-written seeds). */
  readonly records?: unknown;
  readonly documents: readonly LoadedDocument[];
  readonly entities: readonly SourcedRecord[];
  readonly relationships: readonly SourcedRecord[];
}

/** A document that passed the schema, with its decoded text (undefined when missing or not UTF-8). */
export interface CheckedDocument extends SourcedRecord<SeedDocument> {
  readonly text: string | undefined;
}

/**
 * The records that passed their schema. It is the whole seed set only when the check reported no
 * problems; seeding must refuse to run otherwise.
 */
export interface CheckedSeedSet {
  readonly records?: GraphRecords | undefined;
  readonly documents: readonly CheckedDocument[];
  readonly entities: readonly SourcedRecord<Entity>[];
  readonly relationships: readonly SourcedRecord<Relationship>[];
}

export interface SeedProblem {
  /** Relative to the seeds directory: `documents.json`, `entities/places.json`. */
  readonly file: string;
  /** The entity or document id, `source -TYPE-> target`, or `entities[3]` when the record has no usable id. */
  readonly record: string;
  readonly reason: string;
}

/** The closed vocabulary a seed set is checked against; tests pass a small fixed one. */
export interface Vocabulary {
  readonly kinds: readonly EntityKind[];
  readonly relations: readonly RelationSpec[];
}
