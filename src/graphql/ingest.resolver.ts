import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { CandidateEnd as CandidateEndRecord, IngestRecord } from "../model/ingest";
import type { EntityRecord } from "../model/records";
import type { BulkReviewRecord, CandidatePageRecord } from "../services/ingest/review.service";
import type { CandidateRecord, DocumentSummary } from "../model/ingest";
import { ChainMapFileInput } from "./chain-map-import.type";
import { EntityInterface } from "./entity.type";
import type { Context } from "./context";
import {
  BulkReviewResult,
  Candidate,
  CandidateEditInput,
  CandidateEnd,
  CandidateKindEnum,
  CandidatePage,
  CandidateStatusEnum,
  DocumentInfo,
  DocumentMetaInput,
  IngestResult,
} from "./ingest.type";

const KEY_DESCRIPTION =
  "A key unique to this request (8–128 of letters, digits, _ . : -); a replay returns the first result (幂等键).";

@Resolver(() => CandidateEnd)
export class CandidateEndResolver {
  @FieldResolver(() => EntityInterface, { nullable: true })
  async entity(@Root() end: CandidateEndRecord, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    if (end.entityId !== null) return ctx.services.graph.entity(end.entityId);
    if (end.candidateId === null) return null;
    const candidate = await ctx.services.review.candidate(end.candidateId);
    const becameEntity = candidate.status === "accepted" || candidate.status === "merged";
    return becameEntity && candidate.outcome !== null
      ? ctx.services.graph.entity(candidate.outcome)
      : null;
  }
}

@Resolver()
export class IngestResolver {
  @Authorized("editor")
  @Mutation(() => IngestResult, {
    description:
      "Ingest a policy document (.txt, .docx, or .pdf with a text layer): its text is stored with its sha256, mentions of known entities are recorded, and candidates wait for review; the same text twice changes nothing; editor role (文献导入).",
  })
  async ingestDocument(
    @Arg("file", () => ChainMapFileInput) file: ChainMapFileInput,
    @Arg("meta", () => DocumentMetaInput) meta: DocumentMetaInput,
    @Ctx() ctx: Context,
    @Arg("dryRun", () => Boolean, {
      defaultValue: false,
      description: "Only read and count, write nothing (试运行).",
    })
    dryRun?: boolean,
  ): Promise<IngestRecord> {
    const bytes = Buffer.from(file.contentBase64, "base64");
    return ctx.services.ingest.ingest({
      bytes,
      fileName: file.name,
      ...meta,
      dryRun: dryRun ?? false,
    });
  }

  @Authorized("editor")
  @Query(() => CandidatePage, {
    description:
      "A document's review queue: candidates with their quote and sentence, most confident first; editor role (候选审核队列).",
  })
  candidates(
    @Arg("document", () => ID) document: string,
    @Ctx() ctx: Context,
    @Arg("status", () => CandidateStatusEnum, {
      nullable: true,
      defaultValue: CandidateStatusEnum.pending,
    })
    status?: CandidateStatusEnum | null,
    @Arg("kind", () => CandidateKindEnum, { nullable: true }) kind?: CandidateKindEnum | null,
    @Arg("minConfidence", () => Float, { defaultValue: 0 }) minConfidence?: number,
    @Arg("first", () => Int, { nullable: true, description: "Page size, up to 100 (每页)." })
    first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<CandidatePageRecord> {
    return ctx.services.review.candidates({
      documentId: document,
      status: status ?? null,
      kind: kind ?? null,
      minConfidence: minConfidence ?? 0,
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Query(() => [DocumentInfo], {
    description:
      "Every stored source document, newest first, with the candidates waiting for review (文献列表).",
  })
  documents(@Ctx() ctx: Context): Promise<DocumentSummary[]> {
    return ctx.services.review.documents();
  }

  @Authorized("editor")
  @Query(() => Candidate, { description: "One candidate by id; editor role (候选)." })
  candidate(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<CandidateRecord> {
    return ctx.services.review.candidate(id);
  }

  @Authorized("editor")
  @Mutation(() => Candidate, {
    description:
      "Accept a candidate, optionally corrected: it becomes an entity, relationship or fact whose evidence is its quote, through the audited curation path; editor role (采纳候选).",
  })
  acceptCandidate(
    @Arg("id", () => ID) id: string,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("edit", () => CandidateEditInput, { nullable: true }) edit?: CandidateEditInput | null,
  ): Promise<CandidateRecord> {
    return ctx.services.review.accept(id, edit ?? {}, idempotencyKey);
  }

  @Authorized("editor")
  @Mutation(() => Candidate, { description: "Reject a candidate; editor role (驳回候选)." })
  rejectCandidate(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
  ): Promise<CandidateRecord> {
    return ctx.services.review.reject(id, reason ?? null);
  }

  @Authorized("editor")
  @Mutation(() => Candidate, {
    description:
      "Merge an entity candidate into an existing entity: its name becomes an alias, with its quote as evidence; editor role (合并候选).",
  })
  mergeCandidate(
    @Arg("id", () => ID) id: string,
    @Arg("into", () => ID) into: string,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<CandidateRecord> {
    return ctx.services.review.merge(id, into, idempotencyKey);
  }

  @Authorized("editor")
  @Mutation(() => BulkReviewResult, {
    description:
      "Accept a document's pending candidates at or above a confidence (entities first, then relationships and facts), up to 500 per call; those that cannot be accepted stay pending with the reason; editor role (批量采纳).",
  })
  acceptCandidates(
    @Arg("document", () => ID) document: string,
    @Arg("minConfidence", () => Float) minConfidence: number,
    @Ctx() ctx: Context,
    @Arg("kind", () => CandidateKindEnum, { nullable: true }) kind?: CandidateKindEnum | null,
  ): Promise<BulkReviewRecord> {
    return ctx.services.review.acceptAll({
      documentId: document,
      minConfidence,
      kind: kind ?? null,
    });
  }
}
