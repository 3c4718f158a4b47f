import type { Principal } from "../../auth/principal";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors";
import {
  CANDIDATE_KINDS,
  CANDIDATE_STATUSES,
  type CandidateEnd,
  type CandidateRecord,
  type CandidateStatus,
  type DocumentSummary,
} from "../../model/ingest";
import { isEntityKind } from "../../model/vocabulary";
import type { TransactionRepositories, UnitOfWork } from "../../repositories/store";
import { checkFraction } from "../arguments";
import { checkKey, type AlsoInTransaction, type CurationService } from "../curation.service";
import type { GraphService } from "../graph.service";
import { decodeCursor, encodeCursor, pageSize } from "../pagination";

/** A reviewer's changes to a candidate as it is accepted: a better name, another kind or type. */
export interface CandidateEdit {
  readonly name?: string | null;
  readonly kind?: string | null;
  readonly type?: string | null;
  /**
   * For a fact: the key of a fact its subject has that this one states again (countInChengdu),
   * stored as another version of that key with this document's date; without it the fact gets a
   * key of its own (document id and offset).
   */
  readonly factKey?: string | null;
}

export interface CandidatePageRecord {
  readonly totalCount: number;
  readonly items: readonly CandidateRecord[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** What accepting a document's candidates in bulk did, and why it left the others. */
export interface BulkReviewRecord {
  readonly accepted: number;
  readonly skipped: readonly { readonly candidateId: string; readonly reason: string }[];
}

const CURSOR = "candidates";
/** At most this many candidates are accepted by one bulk call; the rest wait for the next. */
export const MAX_BULK = 500;

/**
 * The review queue of ingested documents. Accepting goes through the curation path (roles, audit,
 * idempotency keys), and marks the candidate in the same transaction as the write it makes; the
 * evidence is always the candidate's verbatim quote in its document. Reject and merge record the
 * reviewer and the outcome; a reviewed candidate is never reviewed again.
 */
export class ReviewService {
  constructor(
    private readonly unit: UnitOfWork,
    private readonly curation: CurationService,
    private readonly graph: GraphService,
    private readonly principal: Principal,
  ) {}

  async candidates(args: {
    documentId: string;
    status: string | null;
    kind: string | null;
    minConfidence: number;
    first: number | null;
    after: string | null;
  }): Promise<CandidatePageRecord> {
    const status = oneOf(args.status, CANDIDATE_STATUSES, "status");
    const kind = oneOf(args.kind, CANDIDATE_KINDS, "kind");
    checkFraction("minConfidence", args.minConfidence);
    const limit = pageSize(args.first, "first");
    const offset = args.after === null ? 0 : offsetOf(args.after);
    const page = await this.unit.ingestReads().candidates({
      documentId: args.documentId,
      status,
      kind,
      minConfidence: args.minConfidence,
      offset,
      limit,
    });
    const end = offset + page.items.length;
    return {
      totalCount: page.total,
      items: page.items,
      endCursor: page.items.length === 0 ? null : encodeCursor(CURSOR, end),
      hasNextPage: end < page.total,
    };
  }

  /** Every stored document, newest first, with its pending candidates counted. */
  documents(): Promise<DocumentSummary[]> {
    return this.unit.ingestReads().documents();
  }

  async candidate(id: string): Promise<CandidateRecord> {
    const found = (await this.unit.ingestReads().candidatesByIds([id])).get(id);
    if (found === undefined) throw new NotFoundError(`no candidate with id ${id}`);
    return found;
  }

  /**
   * Accepts a candidate: an entity candidate becomes an entity, a relationship candidate a
   * relationship between the entities its ends are (or were accepted or merged as), a fact
   * candidate a Fact of its subject. The key makes a retry return the first result.
   */
  async accept(id: string, edit: CandidateEdit, key: string): Promise<CandidateRecord> {
    checkKey(key);
    const { candidate, replay } = await this.reviewable(id, key);
    if (replay) return candidate;
    const evidence = {
      documentId: candidate.documentId,
      start: candidate.start,
      quote: candidate.quote,
    };
    const request = { candidateId: id, edit };
    if (candidate.kind === "entity") {
      const kind = edit.kind ?? candidate.entityKind ?? "";
      if (!isEntityKind(kind)) throw new BadUserInputError(`unknown kind ${kind}`, "kind");
      const name = edit.name ?? candidate.name ?? candidate.quote;
      const aliases = candidate.quote !== name ? [candidate.quote] : [];
      await this.curation.createEntity(
        { kind, name, aliases },
        evidence,
        key,
        this.marking(id, "acceptCandidate", request, "accepted", (entity) => entity.id),
      );
    } else if (candidate.kind === "relationship") {
      const source = await this.entityOf(candidate.source, "source");
      const target = await this.entityOf(candidate.target, "target");
      const type = edit.type ?? candidate.type ?? "";
      await this.curation.link(
        { source, type, target, evidenceKind: "explicit", confidence: 1 },
        evidence,
        key,
        this.marking(id, "acceptCandidate", request, "accepted", (rel) => rel.id),
      );
    } else {
      const subject = await this.entityOf(candidate.source, "subject");
      // The seeds' key form (seeds/README.md), so the version exports as the key it restates.
      if (edit.factKey != null && !/^[a-z][A-Za-z0-9]*$/.test(edit.factKey))
        throw new BadUserInputError(
          "factKey must be a camelCase key such as countInChengdu",
          "factKey",
        );
      await this.curation.addFact(
        subject,
        {
          // The key a reviewer names (a restated fact: a new version of it), else one of its own
          // (camelCase, as the seed format wants): another document's statement of the same number
          // is another fact, never an overwrite.
          key:
            edit.factKey ??
            `fact${candidate.documentId.replace(/[^A-Za-z0-9]/g, "").slice(3, 11)}At${candidate.start}`,
          label: edit.name ?? candidate.label ?? candidate.quote,
          value: candidate.value ?? Number.NaN,
          unit: candidate.unit ?? "",
          qualifier: candidate.qualifier,
        },
        evidence,
        key,
        this.marking(id, "acceptCandidate", request, "accepted", () => subject),
      );
    }
    return this.candidate(id);
  }

  /** Merges an entity candidate into an entity the graph has: its name becomes an alias. */
  async merge(id: string, into: string, key: string): Promise<CandidateRecord> {
    checkKey(key);
    const { candidate, replay } = await this.reviewable(id, key);
    if (replay) return candidate;
    if (candidate.kind !== "entity")
      throw new BadUserInputError("only an entity candidate can be merged", "id");
    const entity = await this.graph.requireEntity(into);
    const name = candidate.name ?? candidate.quote;
    const forms = [entity.name, ...(entity.nameEn === null ? [] : [entity.nameEn])];
    const aliases = forms.includes(name) ? [...entity.aliases] : [...entity.aliases, name];
    await this.curation.updateEntity(
      into,
      { aliases: [...new Set(aliases)] },
      { documentId: candidate.documentId, start: candidate.start, quote: candidate.quote },
      key,
      this.marking(id, "mergeCandidate", { candidateId: id, into }, "merged", () => into),
    );
    return this.candidate(id);
  }

  async reject(id: string, reason: string | null): Promise<CandidateRecord> {
    if (reason !== null && reason.length > 500)
      throw new BadUserInputError("reason must be at most 500 characters", "reason");
    await this.reviewable(id, null);
    const done = await this.unit.run(({ ingest }) =>
      ingest.review({ id, status: "rejected", outcome: null, reason, actor: this.principal.id }),
    );
    if (done === null) throw new ConflictError(`candidate ${id} was reviewed meanwhile`);
    return done;
  }

  /**
   * Accepts every pending candidate of a document at or above a confidence: entities first, then
   * relationships and facts whose ends are entities by then. Each is its own transaction under a
   * key derived from the candidate, so running it again after a failure accepts the rest and
   * repeats nothing. What cannot be accepted is left pending, with the reason.
   */
  async acceptAll(args: {
    documentId: string;
    minConfidence: number;
    kind: string | null;
  }): Promise<BulkReviewRecord> {
    checkFraction("minConfidence", args.minConfidence);
    const only = oneOf(args.kind, CANDIDATE_KINDS, "kind");
    const skipped: { candidateId: string; reason: string }[] = [];
    let accepted = 0;
    for (const kind of CANDIDATE_KINDS) {
      if (only !== null && kind !== only) continue;
      const page = await this.unit.ingestReads().candidates({
        documentId: args.documentId,
        status: "pending",
        kind,
        minConfidence: args.minConfidence,
        offset: 0,
        limit: MAX_BULK - accepted - skipped.length,
      });
      for (const candidate of page.items) {
        try {
          // The key names this proposal: the same candidate id proposed again by a later
          // ingestion of the same text (after it was removed) is another request.
          const at = (candidate.proposedAt ?? "").replace(/[^A-Za-z0-9_.:-]/g, "");
          await this.accept(candidate.id, {}, `accept-all:${candidate.id}:${at}`);
          accepted += 1;
        } catch (error) {
          if (!(error instanceof BadUserInputError || error instanceof ConflictError)) throw error;
          skipped.push({ candidateId: candidate.id, reason: error.message });
        }
      }
    }
    return { accepted, skipped };
  }

  /**
   * The candidate to review: pending, or, when this key already reviewed it, reviewed (`replay`):
   * a retried accept or merge returns what the first did instead of saying it is reviewed. Any
   * other reviewed candidate is a CONFLICT. One read of the candidate either way.
   */
  private async reviewable(
    id: string,
    key: string | null,
  ): Promise<{ candidate: CandidateRecord; replay: boolean }> {
    const candidate = await this.candidate(id);
    if (candidate.status === "pending") return { candidate, replay: false };
    if (key !== null && (await this.unit.curationReads().findMutation(key)) !== null)
      return { candidate, replay: true };
    throw new ConflictError(
      `candidate ${id} is already ${candidate.status}${candidate.outcome === null ? "" : ` (${candidate.outcome})`}`,
    );
  }

  /** The entity an end is: a known entity, or the entity its candidate was accepted or merged as. */
  private async entityOf(end: CandidateEnd | null, which: string): Promise<string> {
    if (end === null) throw new BadUserInputError(`the candidate has no ${which}`, which);
    if (end.entityId !== null) return end.entityId;
    const of = end.candidateId === null ? undefined : await this.candidate(end.candidateId);
    if (of?.outcome !== null && of?.outcome !== undefined && of.status !== "rejected")
      return of.outcome;
    throw new BadUserInputError(
      `its ${which} ${end.name} is not an entity yet: accept or merge candidate ${end.candidateId ?? "?"} first`,
      which,
    );
  }

  private marking<T>(
    id: string,
    action: string,
    request: unknown,
    status: Exclude<CandidateStatus, "pending">,
    outcome: (result: T) => string,
  ): AlsoInTransaction<T> {
    return {
      action,
      request,
      then: async ({ ingest }: TransactionRepositories, result: T) => {
        const done = await ingest.review({
          id,
          status,
          outcome: outcome(result),
          reason: null,
          actor: this.principal.id,
        });
        if (done === null) throw new ConflictError(`candidate ${id} was reviewed meanwhile`);
      },
    };
  }
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  name: string,
): T | null {
  if (value === null) return null;
  if (!(allowed as readonly string[]).includes(value))
    throw new BadUserInputError(`${name} must be one of ${allowed.join(", ")}`, name);
  return value as T;
}

function offsetOf(cursor: string): number {
  const value = decodeCursor(CURSOR, cursor, "after");
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new BadUserInputError("after is not a valid cursor for this list", "after");
  return value;
}
