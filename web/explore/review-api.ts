/**
 * The review queue's calls to the public GraphQL API (docs/ingestion.md, "Review"). Every call but
 * `documents` needs the editor role: the key goes in X-API-Key on each request and nowhere else.
 */
import { request } from "./api";

export type CandidateKind = "entity" | "relationship" | "fact";
export type CandidateStatus = "pending" | "accepted" | "rejected" | "merged";

export interface DocumentInfo {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly origin: string | null;
  readonly pendingCandidates: number;
}

export interface CandidateEnd {
  readonly name: string;
  readonly entity: { readonly id: string; readonly name: string } | null;
}

export interface Candidate {
  readonly id: string;
  readonly kind: CandidateKind;
  readonly status: CandidateStatus;
  readonly rule: string;
  readonly confidence: number;
  readonly quote: string;
  readonly start: number;
  readonly passage: string;
  readonly passageStart: number;
  readonly name: string | null;
  readonly entityKind: string | null;
  readonly occurrences: number;
  readonly type: string | null;
  readonly source: CandidateEnd | null;
  readonly target: CandidateEnd | null;
  readonly value: number | null;
  readonly unit: string | null;
  readonly label: string | null;
  readonly qualifier: string | null;
  /** The entity or relationship id it became, or the entity it was merged into. */
  readonly outcome: string | null;
  readonly reason: string | null;
}

export interface CandidatePage {
  readonly totalCount: number;
  readonly items: readonly Candidate[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface QueueFilter {
  /** null: every status. */
  readonly status: CandidateStatus | null;
  /** null: every kind. */
  readonly kind: CandidateKind | null;
  readonly minConfidence: number;
}

/** A reviewer's corrections (schema CandidateEditInput); absent fields stay as proposed. */
export interface CandidateEdit {
  readonly name?: string;
  readonly kind?: string;
  readonly type?: string;
}

export interface BulkResult {
  readonly accepted: number;
  readonly skipped: readonly { candidateId: string; reason: string }[];
}

const END = "name entity { id name }";
const CANDIDATE = `id kind status rule confidence quote start passage passageStart name entityKind
  occurrences type source { ${END} } target { ${END} } value unit label qualifier outcome reason`;

const PAGE_SIZE = 20;

function editor(key: string): Record<string, string> {
  return { "x-api-key": key };
}

/**
 * A fresh idempotency key for one accept or merge. crypto.randomUUID exists only in secure
 * contexts (https, localhost); on a plain-http intranet host the UUID is made from
 * getRandomValues, which every context has.
 */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return `review-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `review-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Every stored document, newest first; open to everyone, like the other reads. */
export async function documents(): Promise<DocumentInfo[]> {
  const data = await request<{ documents: DocumentInfo[] }>(
    `query Documents { documents { id title date origin pendingCandidates } }`,
    {},
  );
  return data.documents;
}

export async function candidates(
  key: string,
  document: string,
  filter: QueueFilter,
  after: string | null,
): Promise<CandidatePage> {
  const data = await request<{ candidates: CandidatePage }>(
    `query Candidates($document: ID!, $status: CandidateStatus, $kind: CandidateKind,
        $minConfidence: Float!, $first: Int, $after: String) {
      candidates(document: $document, status: $status, kind: $kind,
          minConfidence: $minConfidence, first: $first, after: $after) {
        totalCount endCursor hasNextPage items { ${CANDIDATE} }
      }
    }`,
    { document, ...filter, first: PAGE_SIZE, after },
    undefined,
    editor(key),
  );
  return data.candidates;
}

export async function accept(
  key: string,
  id: string,
  edit: CandidateEdit | null,
): Promise<Candidate> {
  const data = await request<{ acceptCandidate: Candidate }>(
    `mutation Accept($id: ID!, $edit: CandidateEditInput, $key: String!) {
      acceptCandidate(id: $id, edit: $edit, idempotencyKey: $key) { ${CANDIDATE} }
    }`,
    { id, edit, key: idempotencyKey() },
    undefined,
    editor(key),
  );
  return data.acceptCandidate;
}

export async function reject(key: string, id: string, reason: string | null): Promise<Candidate> {
  const data = await request<{ rejectCandidate: Candidate }>(
    `mutation Reject($id: ID!, $reason: String) {
      rejectCandidate(id: $id, reason: $reason) { ${CANDIDATE} }
    }`,
    { id, reason },
    undefined,
    editor(key),
  );
  return data.rejectCandidate;
}

export async function merge(key: string, id: string, into: string): Promise<Candidate> {
  const data = await request<{ mergeCandidate: Candidate }>(
    `mutation Merge($id: ID!, $into: ID!, $key: String!) {
      mergeCandidate(id: $id, into: $into, idempotencyKey: $key) { ${CANDIDATE} }
    }`,
    { id, into, key: idempotencyKey() },
    undefined,
    editor(key),
  );
  return data.mergeCandidate;
}

export async function acceptAll(
  key: string,
  document: string,
  minConfidence: number,
  kind: CandidateKind | null,
): Promise<BulkResult> {
  const data = await request<{ acceptCandidates: BulkResult }>(
    `mutation AcceptAll($document: ID!, $minConfidence: Float!, $kind: CandidateKind) {
      acceptCandidates(document: $document, minConfidence: $minConfidence, kind: $kind) {
        accepted skipped { candidateId reason }
      }
    }`,
    { document, minConfidence, kind },
    undefined,
    editor(key),
  );
  return data.acceptCandidates;
}
