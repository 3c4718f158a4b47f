import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import type { EntityRecord } from "../model/records";
import { ENTITY_KINDS, KIND_SPECS, RELATION_SPECS, type EntityKind } from "../model/vocabulary";
import {
  Citation,
  Direction,
  EntityKindEnum,
  Evidence,
  EvidenceKind,
  Fact,
  RelationProperty,
} from "./common.type";

/** GraphQL enum of relationship types; values equal the type names of the vocabulary. */
export const RelationTypeEnum: Record<string, string> = Object.fromEntries(
  RELATION_SPECS.map((spec) => [spec.type, spec.type]),
);
registerEnumType(RelationTypeEnum, {
  name: "RelationType",
  description: "Type of relationship (关系类型), from the closed vocabulary of the graph.",
  valuesConfig: Object.fromEntries(
    RELATION_SPECS.map((spec) => [
      spec.type,
      {
        description: `${spec.description} (${spec.zh}); ${spec.from.join("|")} → ${spec.to.join("|")}`,
      },
    ]),
  ),
});

@ObjectType("LaterName", {
  description:
    "A name the entity took after the source document, e.g. 双流县 → 双流区 (后来的名称). Outside knowledge, not a quote of any document: resolve and lookup find the entity by it.",
})
export class LaterName {
  @Field(() => String, { description: "The later Chinese name (后来的名称)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The later English name (英文名称)." })
  nameEn?: string | null;

  @Field(() => String, {
    description: "What became of the name: renamed, the entity was renamed to it (变更类型).",
  })
  kind!: string;

  @Field(() => Int, {
    description: "The year of the change; note says what the year marks (变更年份).",
  })
  year!: number;

  @Field(() => String, {
    description:
      "What the year marks and where the knowledge comes from; 'outside knowledge' when no source is given (说明).",
  })
  note!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the change is stated, only when it can be named exactly; null: outside knowledge (来源).",
  })
  source?: string | null;

  @Field(() => Boolean, {
    description: "Always true: this is knowledge from outside the source documents (外部知识).",
  })
  outsideKnowledge!: boolean;
}

/**
 * The descriptions of the fields EntityResolver reads by id for a brief record (BRIEF_LEAVES_OUT)
 * or a names record (NAMES_LEAVES_OUT too).
 */
export const NAME_EN = "English name (英文名称).";
export const NAME_EN_OFFICIAL =
  "True when nameEn is the official English name; false when it is a translation (官方英文名).";
export const NAME_INFERRED =
  "True when the name is not written as such in the text: resolved from outside knowledge because the text abbreviates it, or constructed from the text's wording (a roadmap, a department, a list) — its description says which (名称为推断或构拟).";
export const ALIASES = "Other name forms: abbreviations, former names, acronyms (别名).";
export const DESCRIPTION = "One-line English gloss (说明).";
export const CITATIONS =
  "The sources an imported entity cites (chain maps); empty for entities of the documents, whose passages are in evidence (导入来源).";

@InterfaceType("Entity", {
  description:
    "Anything the knowledge graph names (实体): an institution, place, industry, project, policy, person…",
  resolveType: (value: EntityRecord) => value.kind,
})
export abstract class EntityInterface {
  @Field(() => ID, { description: "Stable id (标识), e.g. uestc-chengdu-research-institute." })
  id!: string;

  @Field(() => EntityKindEnum, { description: "Kind of entity (实体类别)." })
  kind!: EntityKind;

  @Field(() => String, { description: "Chinese canonical name (中文名称)." })
  name!: string;

  @Field(() => String, { nullable: true, description: NAME_EN })
  nameEn?: string | null;

  @Field(() => Boolean, { nullable: true, description: NAME_EN_OFFICIAL })
  nameEnOfficial?: boolean | null;

  @Field(() => Boolean, { description: NAME_INFERRED })
  nameInferred!: boolean;

  @Field(() => [String], { description: ALIASES })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;

  @Field(() => [LaterName], {
    description:
      "Names it took after the source document (双流县 → 双流区), with the year: outside knowledge, not quotes; resolve finds the entity by them (后来的名称).",
  })
  laterNames!: LaterName[];

  @Field(() => [Evidence], { description: "Passages of the sources that name this entity (出处)." })
  evidence!: Evidence[];

  @Field(() => [Fact], {
    description: "Numbers the sources state about it, with units (数值事实).",
  })
  facts!: Fact[];

  @Field(() => [Citation], { description: CITATIONS })
  citations!: Citation[];
}

@ObjectType("Relation", {
  description:
    "A relationship of the entity it was asked on, with the quote that states it (关系及证据).",
})
export class Relation {
  @Field(() => ID, { description: "Stable id: source|TYPE|target (关系标识)." })
  id!: string;

  @Field(() => RelationTypeEnum, { description: "Relationship type (关系类型)." })
  type!: string;

  @Field(() => Direction, {
    description: "OUT when the asked entity is the source, IN when it is the target (方向).",
  })
  direction!: Direction;

  @Field(() => ID, { description: "Id of the source entity (起点)." })
  source!: string;

  @Field(() => ID, { description: "Id of the target entity (终点)." })
  target!: string;

  @Field(() => EvidenceKind, { description: "explicit or inferred (证据类型)." })
  evidenceKind!: EvidenceKind;

  @Field(() => Float, {
    description: "Confidence from 0 to 1; 1 for explicit statements (置信度).",
  })
  confidence!: number;

  @Field(() => String, { nullable: true, description: "Why an inferred link holds (推断说明)." })
  note?: string | null;

  @Field(() => Citation, {
    nullable: true,
    description:
      "The source an imported link cites (evidenceKind imported): title, issuer, date, URL or file, page; null for links the documents state (导入来源).",
  })
  citation?: Citation | null;

  @Field(() => [RelationProperty], {
    description: "Properties of the link, such as a position title or a list name (关系属性).",
  })
  properties!: RelationProperty[];
}

/** The descriptions of a relationship's dates, on Relation and GraphEdge alike. */
export const FIRST_STATED =
  "The earliest date (YYYY-MM-DD) of the documents whose passages state it; null when no dated document does (a curator's note without a quote, an imported row). asOf leaves out a link first stated after its date (首次陈述).";
export const LAST_STATED =
  "The latest date (YYYY-MM-DD) of the documents whose passages state it; null when no dated document does (最近陈述).";

export type KindClass = new () => EntityInterface;

function createKindTypes(): Readonly<Record<EntityKind, KindClass>> {
  const types: Partial<Record<EntityKind, KindClass>> = {};
  for (const kind of ENTITY_KINDS) {
    // A named class per kind, so type-graphql and error messages show the kind's name.
    const named: Record<string, KindClass> = { [kind]: class extends EntityInterface {} };
    const cls = named[kind] as KindClass;
    ObjectType(kind, {
      implements: EntityInterface,
      description: `${KIND_SPECS[kind].description} (${KIND_SPECS[kind].zh})`,
    })(cls);
    types[kind] = cls;
  }
  return types as Record<EntityKind, KindClass>;
}

/** One GraphQL object type per entity kind, all implementing Entity. */
export const KIND_TYPES = createKindTypes();
