import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ENTITY_KINDS, KIND_SPECS, type EntityKind } from "../model/vocabulary";

/** GraphQL enum of entity kinds; values equal the kind names. */
export const EntityKindEnum = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, kind])) as {
  [K in EntityKind]: K;
};
registerEnumType(EntityKindEnum, {
  name: "EntityKind",
  description: "Kind of entity (实体类别).",
  valuesConfig: Object.fromEntries(
    ENTITY_KINDS.map((kind) => [
      kind,
      { description: `${KIND_SPECS[kind].en} (${KIND_SPECS[kind].zh})` },
    ]),
  ),
});

export enum Direction {
  OUT = "OUT",
  IN = "IN",
}
registerEnumType(Direction, {
  name: "Direction",
  description: "Direction of a relationship as seen from the entity it is asked on (方向).",
  valuesConfig: {
    OUT: { description: "The entity is the source (出边)." },
    IN: { description: "The entity is the target (入边)." },
  },
});

export enum EvidenceKind {
  explicit = "explicit",
  inferred = "inferred",
  positional = "positional",
  curated = "curated",
  imported = "imported",
}
registerEnumType(EvidenceKind, {
  name: "EvidenceKind",
  description:
    "Whether the quote states a fact outright or it follows from the quote plus a name or outside knowledge (证据类型).",
  valuesConfig: {
    explicit: { description: "The quote states it (明示)." },
    inferred: { description: "Inferred from the quote and a name or outside knowledge (推断)." },
    positional: {
      description:
        "The quote shows the item; its place in the document's list (under the heading of the other end) states the relationship (列表位置).",
    },
    curated: { description: "Asserted by a curator in a note, with its author (人工标注)." },
    imported: {
      description:
        "A row of an imported chain map, with the source it cites: title, issuer, date, URL or file, page (导入来源).",
    },
  },
});

@ObjectType({
  description:
    "A quote inside the paragraph of its document that holds it, for showing it in context (上下文).",
})
export class EvidenceContext {
  @Field(() => String, {
    description:
      "The paragraph (line) of the document around the quote; a long one is cut at sentence ends or marked with … (段落原文).",
  })
  text!: string;

  @Field(() => Int, {
    description: "Where the quote starts in text, in UTF-16 code units (引文起点).",
  })
  quoteStart!: number;

  @Field(() => Int, { description: "Where the quote ends in text, exclusive (引文终点)." })
  quoteEnd!: number;
}

@ObjectType({
  description:
    "The source an imported fact cites: a row of a chain map names a document or dataset and a page (导入来源).",
})
export class Citation {
  @Field(() => String, { description: "Title of the cited source (来源标题)." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Who issued it (发布机构)." })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: "Its date, as written (日期)." })
  date?: string | null;

  @Field(() => String, { description: "A URL or a file name (网址或文件)." })
  location!: string;

  @Field(() => String, { nullable: true, description: "Page or place in it (页码)." })
  page?: string | null;

  @Field(() => String, { description: "The chain map that brought it in (导入批次)." })
  importSet!: string;

  @Field(() => String, { description: "The chain map's table the fact came from (工作表)." })
  sheet!: string;
}

@ObjectType({
  description: "A verbatim passage of a source document that states a fact (原文证据).",
})
export class Evidence {
  @Field(() => ID, { description: "Passage id: document id, start and end offsets (段落标识)." })
  passageId!: string;

  @Field(() => ID, { description: "Source document id (来源文献)." })
  documentId!: string;

  @Field(() => Int, {
    description: "Start offset in the document, in UTF-16 code units (起始位置).",
  })
  start!: number;

  @Field(() => Int, { description: "End offset, exclusive (结束位置)." })
  end!: number;

  @Field(() => String, { description: "The verbatim quote (原文)." })
  quote!: string;

  @Field(() => MentionKind, {
    nullable: true,
    description:
      "In an entity's evidence: curated (a chosen quote) or automatic (its name found in the text); null in the evidence of a relationship or a fact (提及方式).",
  })
  mentionKind?: MentionKind | null;
}

export enum MentionKind {
  curated = "curated",
  automatic = "automatic",
}
registerEnumType(MentionKind, {
  name: "MentionKind",
  description: "How a passage came to be evidence that names an entity (提及方式).",
  valuesConfig: {
    curated: { description: "A quote the seeds or a curator chose (人工选取)." },
    automatic: {
      description:
        "One of the entity's name forms where the text has it, found by the service, longest match first (自动识别).",
    },
  },
});

@ObjectType({
  description: "A number the source states about an entity, with its unit (数值事实).",
})
export class Fact {
  @Field(() => String, { description: "Machine key of the fact, e.g. registeredCapital (键)." })
  key!: string;

  @Field(() => String, { description: "What the number measures, as the text puts it (说明)." })
  label!: string;

  @Field(() => Float, { description: "The stated value (数值)." })
  value!: number;

  @Field(() => String, { description: "Unit as stated, e.g. 亿元, 个, 家 (单位)." })
  unit!: string;

  @Field(() => String, {
    nullable: true,
    description: "Qualifier the text adds, e.g. 余 (more than), 首次突破 (first passed) (限定词).",
  })
  qualifier?: string | null;

  @Field(() => Float, {
    description: "The value in the base unit, e.g. 10 亿元 → 1000000000 (元) (换算值).",
  })
  baseValue!: number;

  @Field(() => String, { description: "The base unit, e.g. 元 (基本单位)." })
  baseUnit!: string;

  @Field(() => Evidence, { description: "The passage that states it (证据)." })
  evidence!: Evidence;

  @Field(() => String, {
    nullable: true,
    description:
      "The date (YYYY-MM-DD) of the document that states it; null when that document has none. A later document may state the same key again: facts(history: true) lists every version (陈述日期).",
  })
  statedOn?: string | null;
}

@ObjectType({ description: "A property of a relationship, such as a position title (关系属性)." })
export class RelationProperty {
  @Field(() => String, { description: "Property name (属性名)." })
  key!: string;

  @Field(() => String, {
    description:
      "Property value as stored: the words of the text, then an English gloss in brackets where the seeds add one, e.g. 常委 (standing committee member) (属性值).",
  })
  value!: string;

  @Field(() => String, {
    description: "The words the text states, without the gloss, e.g. 常委 (原文取值).",
  })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The English gloss the seeds add, e.g. standing committee member; null when there is none (英文释义).",
  })
  gloss?: string | null;
}
