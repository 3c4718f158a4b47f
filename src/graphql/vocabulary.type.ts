import { Field, ObjectType } from "type-graphql";
import type { EntityKind } from "../model/vocabulary";
import { EntityKindEnum } from "./common.type";
import { RelationTypeEnum } from "./entity.type";

@ObjectType({ description: "An entity kind with its display labels (实体类别标签)." })
export class KindLabel {
  @Field(() => EntityKindEnum, { description: "The kind (类别)." })
  kind!: EntityKind;

  @Field(() => String, { description: "English label, e.g. Research institute (英文标签)." })
  en!: string;

  @Field(() => String, { description: "Chinese label, e.g. 科研院所 / 研究院 (中文标签)." })
  zh!: string;

  @Field(() => String, { description: "What the kind covers (说明)." })
  description!: string;
}

@ObjectType({
  description: "A relationship type with its display labels and allowed ends (关系类型标签).",
})
export class RelationTypeLabel {
  @Field(() => RelationTypeEnum, { description: "The type (关系类型)." })
  type!: string;

  @Field(() => String, { description: "English label, e.g. co-built (英文标签)." })
  en!: string;

  @Field(() => String, { description: "Chinese label, e.g. 共建 (中文标签)." })
  zh!: string;

  @Field(() => String, { description: "What it states, with an example (说明)." })
  description!: string;

  @Field(() => [EntityKindEnum], { description: "Kinds it may start from (起点类别)." })
  from!: EntityKind[];

  @Field(() => [EntityKindEnum], { description: "Kinds it may end at (终点类别)." })
  to!: EntityKind[];
}

@ObjectType({
  description:
    "The closed vocabulary of the graph, for labelling views and legends in Chinese or English (词表).",
})
export class Vocabulary {
  @Field(() => [KindLabel], { description: "Entity kinds, in schema order (实体类别)." })
  kinds!: KindLabel[];

  @Field(() => [RelationTypeLabel], {
    description: "Relationship types, in schema order (关系类型).",
  })
  relationTypes!: RelationTypeLabel[];
}
