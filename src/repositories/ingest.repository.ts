import type { Params, Queries } from "../db/database";
import { asList, asObject, asText, asTextOrNull, type JsonValue } from "../db/values";
import {
  CANDIDATE_KINDS,
  CANDIDATE_STATUSES,
  type CandidateEnd,
  type CandidateKind,
  type CandidateRecord,
  type CandidateStatus,
  type DocumentSummary,
} from "../model/ingest";

/** An entity's document name forms, as mentions are looked for in a new text. */
export interface KnownNames {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly aliases: readonly string[];
}

/** The filters and page of the review queue. */
export interface CandidateQuery {
  readonly documentId: string;
  readonly status: CandidateStatus | null;
  readonly kind: CandidateKind | null;
  readonly minConfidence: number;
  readonly offset: number;
  readonly limit: number;
}

/** Reads and writes of document ingestion and its review queue. */
export class IngestRepository {
  constructor(private readonly db: Queries) {}

  async documentWithText(sha256: string): Promise<string | null> {
    const [row] = await this.db.read("ingest-document-by-sha", { sha256 });
    return row === undefined ? null : asText(row.id);
  }

  async knownNames(): Promise<KnownNames[]> {
    const rows = await this.db.read("ingest-known-names");
    return rows.map((row) => ({
      id: asText(row.id),
      kind: asText(row.kind),
      name: asText(row.name),
      nameEn: asTextOrNull(row.nameEn),
      aliases: asList(row.aliases).map(asText),
    }));
  }

  async writeDocument(props: Params): Promise<void> {
    await this.db.write("ingest-write-document", { props });
  }

  /** Passages (quote spans or sentences) of a document, written as seeding writes passages. */
  async writePassages(rows: readonly { id: string; documentId: string; props: Params }[]) {
    for (const batch of batches(rows)) await this.db.write("seed-passages", { rows: batch });
  }

  async writeMentions(rows: readonly { entityId: string; passageId: string; kind: string }[]) {
    for (const batch of batches(rows)) await this.db.write("seed-mentions", { rows: batch });
  }

  async writeCandidates(rows: readonly Params[]): Promise<void> {
    for (const batch of batches(rows)) {
      await this.db.write("ingest-write-candidates", { rows: batch });
    }
  }

  async candidates(query: CandidateQuery): Promise<{ total: number; items: CandidateRecord[] }> {
    const [row] = await this.db.read("candidates-page", { ...query });
    return {
      total: Number(row?.total ?? 0),
      items: asList(row?.items).map((item) => toCandidate(asObject(item))),
    };
  }

  async candidatesByIds(ids: readonly string[]): Promise<Map<string, CandidateRecord>> {
    const rows = await this.db.read("candidates-by-ids", { ids: [...new Set(ids)] });
    const found = rows.map((row) => toCandidate(asObject(row.candidate)));
    return new Map(found.map((candidate) => [candidate.id, candidate]));
  }

  /** Records a review of a pending candidate; null when it was not pending (or does not exist). */
  async review(params: {
    id: string;
    status: Exclude<CandidateStatus, "pending">;
    outcome: string | null;
    reason: string | null;
    actor: string;
  }): Promise<CandidateRecord | null> {
    const [row] = await this.db.write("candidate-review", { ...params });
    return row === undefined ? null : toCandidate(asObject(row.candidate));
  }

  async documents(): Promise<DocumentSummary[]> {
    const rows = await this.db.read("documents-list");
    return rows.map((row) => ({
      id: asText(row.id),
      title: asTextOrNull(row.title),
      date: asTextOrNull(row.date),
      issuer: asTextOrNull(row.issuer),
      source: asTextOrNull(row.source),
      origin: asTextOrNull(row.origin),
      format: asTextOrNull(row.format),
      pages: typeof row.pages === "number" ? row.pages : null,
      ingestedAt: asTextOrNull(row.ingestedAt),
      characters: Number(row.characters ?? 0),
      pendingCandidates: Number(row.pending ?? 0),
    }));
  }

  async addFact(entityId: string, passageId: string, props: Params): Promise<void> {
    await this.db.write("curation-add-fact", { entityId, passageId, props });
  }
}

const BATCH = 1_000;

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** The flat properties a candidate is stored with (Neo4j holds no nested maps). */
export function candidateProps(candidate: CandidateRecord): Params {
  const end = (prefix: string, value: CandidateEnd | null) => ({
    [`${prefix}Name`]: value?.name ?? null,
    [`${prefix}Start`]: value?.start ?? null,
    [`${prefix}EntityId`]: value?.entityId ?? null,
    [`${prefix}CandidateId`]: value?.candidateId ?? null,
  });
  // proposedAt is the node's `at`, which the write query sets.
  const { source, target, proposedAt: _proposedAt, ...rest } = candidate;
  return { ...rest, ...end("source", source), ...end("target", target) };
}

function toCandidate(row: { [key: string]: JsonValue }): CandidateRecord {
  const number = (value: JsonValue | undefined): number | null =>
    typeof value === "number" ? value : null;
  const end = (prefix: string): CandidateEnd | null => {
    const name = asTextOrNull(row[`${prefix}Name`]);
    if (name === null) return null;
    return {
      name,
      start: number(row[`${prefix}Start`]) ?? 0,
      entityId: asTextOrNull(row[`${prefix}EntityId`]),
      candidateId: asTextOrNull(row[`${prefix}CandidateId`]),
    };
  };
  const kind = asText(row.kind);
  const status = asText(row.status);
  return {
    id: asText(row.id),
    documentId: asText(row.documentId),
    kind: (CANDIDATE_KINDS as readonly string[]).includes(kind)
      ? (kind as CandidateKind)
      : "entity",
    status: (CANDIDATE_STATUSES as readonly string[]).includes(status)
      ? (status as CandidateStatus)
      : "pending",
    rule: asText(row.rule),
    confidence: number(row.confidence) ?? 0,
    start: number(row.start) ?? 0,
    quote: asText(row.quote),
    passageStart: number(row.passageStart) ?? 0,
    passageEnd: number(row.passageEnd) ?? 0,
    passage: asText(row.passage),
    proposedAt: asTextOrNull(row.at),
    name: asTextOrNull(row.name),
    entityKind: asTextOrNull(row.entityKind),
    occurrences: number(row.occurrences) ?? 1,
    type: asTextOrNull(row.type),
    source: end("source"),
    target: end("target"),
    value: number(row.value),
    unit: asTextOrNull(row.unit),
    label: asTextOrNull(row.label),
    qualifier: asTextOrNull(row.qualifier),
    reviewedBy: asTextOrNull(row.reviewedBy),
    reviewedAt: asTextOrNull(row.reviewedAt),
    outcome: asTextOrNull(row.outcome),
    reason: asTextOrNull(row.reason),
  };
}
