/**
 * What document ingestion stores and hands on: a document's metadata, the candidates proposed from
 * its text, and their review. Candidates are proposals, never facts: nothing but automatic
 * mentions enters the graph before a curator accepts it (docs/ingestion.md).
 */

/** How a reviewer has dealt with a candidate. */
export const CANDIDATE_STATUSES = ["pending", "accepted", "rejected", "merged"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** What a candidate proposes: a new entity, a relationship between two ends, or a stated number. */
export const CANDIDATE_KINDS = ["entity", "relationship", "fact"] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** The metadata a caller gives with a file; `date` is an ISO day (YYYY-MM-DD). */
export interface DocumentMeta {
  readonly title: string | null;
  readonly issuer: string | null;
  readonly date: string;
  readonly source: string | null;
}

/**
 * One end of a proposed relationship or fact: an entity the graph has (`entityId`) or an entity
 * candidate of the same document (`candidateId`), named as the text names it at `start`.
 */
export interface CandidateEnd {
  readonly name: string;
  readonly start: number;
  readonly entityId: string | null;
  readonly candidateId: string | null;
}

/** A candidate as stored: its proposal, the rule that made it, its quote and its review. */
export interface CandidateRecord {
  readonly id: string;
  readonly documentId: string;
  readonly kind: CandidateKind;
  readonly status: CandidateStatus;
  readonly rule: string;
  readonly confidence: number;
  /** The verbatim quote at `start` of the document's text, and the passage (sentence) around it. */
  readonly start: number;
  readonly quote: string;
  readonly passageStart: number;
  readonly passageEnd: number;
  readonly passage: string;
  /** When it was proposed: the ingestion that made it (a document removed and ingested again proposes anew). */
  readonly proposedAt: string | null;
  /** Entity candidates: the proposed name and kind, and how often the text names it. */
  readonly name: string | null;
  readonly entityKind: string | null;
  readonly occurrences: number;
  /** Relationship candidates: the type and ends; fact candidates: the subject as `source`. */
  readonly type: string | null;
  readonly source: CandidateEnd | null;
  readonly target: CandidateEnd | null;
  /** Fact candidates: the number, its unit and what the text says of it. */
  readonly value: number | null;
  readonly unit: string | null;
  readonly label: string | null;
  readonly qualifier: string | null;
  /** The review: who, when, and what came of it (an entity or relationship id, or a merge target). */
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly outcome: string | null;
  readonly reason: string | null;
}

/** A stored document as the review list shows it. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly issuer: string | null;
  readonly source: string | null;
  /** `ingested`, or null for a seeded document. */
  readonly origin: string | null;
  readonly format: string | null;
  readonly pages: number | null;
  readonly ingestedAt: string | null;
  readonly characters: number;
  readonly pendingCandidates: number;
}

/** What ingesting a file did: the document, and whether it was new. */
export interface IngestRecord {
  readonly documentId: string;
  readonly created: boolean;
  readonly sha256: string;
  readonly format: string;
  readonly pages: number | null;
  readonly characters: number;
  readonly passages: number;
  readonly repeatedPassages: number;
  readonly mentions: number;
  readonly candidates: {
    readonly entity: number;
    readonly relationship: number;
    readonly fact: number;
  };
}
