import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { EntityKind } from "../model/vocabulary";
import { EntityKindEnum } from "./common.type";
import { EntityInterface, RelationTypeEnum } from "./entity.type";

export enum CandidateKindEnum {
  entity = "entity",
  relationship = "relationship",
  fact = "fact",
}
registerEnumType(CandidateKindEnum, {
  name: "CandidateKind",
  description: "What a candidate proposes (候选类型).",
  valuesConfig: {
    entity: { description: "A new entity (新实体)." },
    relationship: { description: "A relationship between two entities (关系)." },
    fact: { description: "A number the text states about an entity (数据)." },
  },
});

export enum CandidateStatusEnum {
  pending = "pending",
  accepted = "accepted",
  rejected = "rejected",
  merged = "merged",
}
registerEnumType(CandidateStatusEnum, {
  name: "CandidateStatus",
  description: "Where a candidate is in review (审核状态).",
  valuesConfig: {
    pending: { description: "Waiting for a curator (待审核)." },
    accepted: { description: "Written to the graph (已采纳)." },
    rejected: { description: "Refused (已驳回)." },
    merged: { description: "Its name became an alias of an existing entity (已合并)." },
  },
});

@InputType({ description: "Metadata of an ingested document (文献信息)." })
export class DocumentMetaInput {
  @Field(() => String, {
    description: "The day it was issued, YYYY-MM-DD; every document has a date (发布日期).",
  })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: "Title; the text's first line when absent (标题).",
  })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Who issued it (发布机构)." })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: "URL or archive reference (来源)." })
  source?: string | null;
}

@ObjectType({ description: "Candidates found in a document, by kind (候选计数)." })
export class CandidateCounts {
  @Field(() => Int)
  entity!: number;

  @Field(() => Int)
  relationship!: number;

  @Field(() => Int)
  fact!: number;
}

@ObjectType({
  description:
    "What ingesting a document did; a dry run or a text already stored writes nothing (文献导入).",
})
export class IngestResult {
  @Field(() => ID)
  documentId!: string;

  @Field(() => Boolean, {
    description: "False when the same text was already stored, or for a dry run (新建).",
  })
  created!: boolean;

  @Field(() => String, { description: "sha256 of the normalised text (校验和)." })
  sha256!: string;

  @Field(() => String, { description: "txt, docx or pdf (格式)." })
  format!: string;

  @Field(() => Int, { nullable: true, description: "Pages of a PDF (页数)." })
  pages?: number | null;

  @Field(() => Int, { description: "Characters of the normalised text (字符数)." })
  characters!: number;

  @Field(() => Int, { description: "Sentences and lines (段落)." })
  passages!: number;

  @Field(() => Int, {
    description: "Passages repeating an earlier one verbatim, marked once (重复段落).",
  })
  repeatedPassages!: number;

  @Field(() => Int, { description: "Mentions of entities the graph has (提及)." })
  mentions!: number;

  @Field(() => CandidateCounts, { description: "Candidates waiting for review (候选)." })
  candidates!: CandidateCounts;
}

@ObjectType({ description: "A stored source document (文献)." })
export class DocumentInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Title (标题)." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Day issued, YYYY-MM-DD (发布日期)." })
  date?: string | null;

  @Field(() => String, { nullable: true, description: "Who issued it (发布机构)." })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: "URL or archive reference (来源)." })
  source?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ingested, or null for a seeded document (来源方式).",
  })
  origin?: string | null;

  @Field(() => String, { nullable: true, description: "txt, docx or pdf (格式)." })
  format?: string | null;

  @Field(() => Int, { nullable: true, description: "Pages of a PDF (页数)." })
  pages?: number | null;

  @Field(() => String, { nullable: true, description: "When it was ingested (导入时间)." })
  ingestedAt?: string | null;

  @Field(() => Int, { description: "Characters of its stored text (字符数)." })
  characters!: number;

  @Field(() => Int, { description: "Candidates waiting for review (待审核候选)." })
  pendingCandidates!: number;
}

@ObjectType({ description: "One end of a proposed relationship or fact (候选端点)." })
export class CandidateEnd {
  @Field(() => String, { description: "As the text names it (文中名称)." })
  name!: string;

  @Field(() => Int, { description: "Where the text names it (位置)." })
  start!: number;

  @Field(() => EntityInterface, {
    nullable: true,
    description: "The entity it is: known, or its candidate accepted or merged (实体).",
  })
  entity?: unknown;

  @Field(() => ID, { nullable: true, description: "The entity candidate it is, if new (候选)." })
  candidateId?: string | null;
}

@ObjectType({
  description:
    "A proposal from an ingested document, with the rule that made it and its verbatim quote (候选事实).",
})
export class Candidate {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  documentId!: string;

  @Field(() => CandidateKindEnum)
  kind!: CandidateKindEnum;

  @Field(() => CandidateStatusEnum)
  status!: CandidateStatusEnum;

  @Field(() => String, { description: "The rule that proposed it (规则)." })
  rule!: string;

  @Field(() => Float, { description: "The rule's confidence, 0 to 1 (置信度)." })
  confidence!: number;

  @Field(() => String, { description: "The verbatim quote at start (原文)." })
  quote!: string;

  @Field(() => Int, { description: "Offset of the quote in the document (位置)." })
  start!: number;

  @Field(() => String, { description: "The sentence around the quote (所在句)." })
  passage!: string;

  @Field(() => Int)
  passageStart!: number;

  @Field(() => String, { nullable: true, description: "Entity candidates: the name (名称)." })
  name?: string | null;

  @Field(() => EntityKindEnum, { nullable: true, description: "Entity candidates: the kind." })
  entityKind?: EntityKind | null;

  @Field(() => Int, { description: "How often the text names it (出现次数)." })
  occurrences!: number;

  @Field(() => RelationTypeEnum, { nullable: true, description: "Relationship candidates." })
  type?: string | null;

  @Field(() => CandidateEnd, { nullable: true, description: "Source, or a fact's subject." })
  source?: CandidateEnd | null;

  @Field(() => CandidateEnd, { nullable: true })
  target?: CandidateEnd | null;

  @Field(() => Float, { nullable: true, description: "Fact candidates: the number (数值)." })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "Its unit (单位)." })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: "What it counts (说明)." })
  label?: string | null;

  @Field(() => String, { nullable: true, description: "余, 近, 超过 … (限定)." })
  qualifier?: string | null;

  @Field(() => String, { nullable: true })
  reviewedBy?: string | null;

  @Field(() => String, { nullable: true })
  reviewedAt?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "What came of it: the entity or relationship id, or the entity merged into (结果).",
  })
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: "Why it was rejected (理由)." })
  reason?: string | null;
}

@ObjectType({ description: "A page of a document's review queue (候选列表)." })
export class CandidatePage {
  @Field(() => Int, { description: "Candidates the filters leave (总数)." })
  totalCount!: number;

  @Field(() => [Candidate])
  items!: Candidate[];

  @Field(() => String, { nullable: true })
  endCursor?: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType({ description: "One candidate a bulk accept left pending, and why (未采纳)." })
export class SkippedCandidate {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: "What accepting in bulk did (批量采纳)." })
export class BulkReviewResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => [SkippedCandidate])
  skipped!: SkippedCandidate[];
}

@InputType({ description: "A reviewer's corrections as a candidate is accepted (修改后采纳)." })
export class CandidateEditInput {
  @Field(() => String, { nullable: true, description: "Entity name, or a fact's label." })
  name?: string | null;

  @Field(() => EntityKindEnum, { nullable: true, description: "Entity kind." })
  kind?: EntityKind | null;

  @Field(() => RelationTypeEnum, { nullable: true, description: "Relationship type." })
  type?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "For a fact: the key of a fact its subject already has that this one states again (e.g. countInChengdu). The value is kept as another version of that key, dated by this document; the first version is never overwritten, and Entity.facts shows the latest (重述的事实键).",
  })
  factKey?: string | null;
}
