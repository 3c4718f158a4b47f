import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { EntityKind } from "../model/vocabulary";
import { EntityKindEnum, EvidenceKind } from "./common.type";
import { RelationTypeEnum } from "./entity.type";

@InputType({
  description:
    "Evidence of a write (证据): either a verbatim passage of a stored document (documentId, start, quote), checked against the document, or a curator's note with its author (note, author).",
})
export class EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: "Document id, e.g. 000_257febe6d92f7e6f (文献).",
  })
  documentId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Offset of the quote, in UTF-16 code units (起始位置).",
  })
  start?: number | null;

  @Field(() => String, { nullable: true, description: "The verbatim quote (原文)." })
  quote?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A curator's note, instead of a passage (备注).",
  })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "Who wrote the note (作者)." })
  author?: string | null;
}

@InputType({ description: "A new entity (新实体)." })
export class CreateEntityInput {
  @Field(() => ID, {
    nullable: true,
    description: "Stable slug; derived from kind and name when absent (标识).",
  })
  id?: string | null;

  @Field(() => EntityKindEnum, { description: "Kind (类别)." })
  kind!: EntityKind;

  @Field(() => String, { description: "Chinese name (中文名称)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "English name (英文名称)." })
  nameEn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether nameEn is official (官方英文名)." })
  nameEnOfficial?: boolean | null;

  @Field(() => [String], { nullable: true, description: "Other name forms (别名)." })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: "One-line English gloss (说明)." })
  description?: string | null;
}

@InputType({ description: "Changes to an entity; absent fields stay as they are (修改)." })
export class UpdateEntityInput {
  @Field(() => String, { nullable: true, description: "Chinese name (中文名称)." })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "English name; empty string removes it (英文名称).",
  })
  nameEn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether nameEn is official (官方英文名)." })
  nameEnOfficial?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: "All other name forms, replacing the old list (别名).",
  })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: "One-line English gloss (说明)." })
  description?: string | null;
}

@InputType({ description: "A property of a new relationship (关系属性)." })
export class RelationPropertyInput {
  @Field(() => String, { description: "Name: letters, digits, _ (属性名)." })
  key!: string;

  @Field(() => String, { description: "Value (属性值)." })
  value!: string;
}

@InputType({
  description: "A new relationship; the kinds at its ends must be allowed by its type (新关系).",
})
export class LinkInput {
  @Field(() => ID, { description: "Source entity (起点)." })
  source!: string;

  @Field(() => RelationTypeEnum, { description: "Relationship type (关系类型)." })
  type!: string;

  @Field(() => ID, { description: "Target entity (终点)." })
  target!: string;

  @Field(() => EvidenceKind, {
    nullable: true,
    description:
      "explicit (default with a passage) or inferred; a note makes it curated (证据类型).",
  })
  evidenceKind?: "explicit" | "inferred" | null;

  @Field(() => Float, {
    nullable: true,
    description: "Confidence from 0 to 1, default 1 (置信度).",
  })
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: "Why an inferred link holds (推断说明)." })
  note?: string | null;

  @Field(() => [RelationPropertyInput], {
    nullable: true,
    description: "Link properties (关系属性).",
  })
  properties?: RelationPropertyInput[] | null;
}
