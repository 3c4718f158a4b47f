import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { EntityKind } from "../model/vocabulary";
import { EntityKindEnum } from "./common.type";
import { EntityInterface } from "./entity.type";
import { PageInfo } from "./traversal.type";

export enum SortField {
  NAME = "name",
  PINYIN = "pinyin",
  ID = "id",
}
registerEnumType(SortField, {
  name: "SortField",
  description: "What a list is sorted by (排序字段).",
  valuesConfig: {
    NAME: {
      description:
        "Chinese name, by Unicode code point: stable, but not the order a Chinese reader expects (名称，按码位).",
    },
    PINYIN: {
      description:
        "Chinese name by its pinyin, as a Chinese index or dictionary orders names (成都 < 电子科技大学 < 双流县), then by code point (名称，按拼音).",
    },
    ID: { description: "Stable id (标识)." },
  },
});

export enum SortDirection {
  ASC = "asc",
  DESC = "desc",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Ascending or descending (排序方向).",
});

@InputType({ description: "Filters of an entity list; all given ones must hold (筛选条件)." })
export class EntityFilter {
  @Field(() => String, {
    nullable: true,
    description: "A substring of any name form, case- and width-insensitive (名称包含).",
  })
  name?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only entities located in, or co-built or developed by, this district: its id or any name resolve takes (双流县, shuangliu-county); a value that names no entity, or several, is BAD_USER_INPUT with the candidates (所在区县).",
  })
  district?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only entities that focus on this industry or are its roadmap: its id or any name resolve takes (汽车, industry-automobile); a value that names no entity, or several, is BAD_USER_INPUT with the candidates (所属产业).",
  })
  industry?: string | null;
}

@InputType({ description: "Sort order of a list (排序)." })
export class EntityOrder {
  @Field(() => SortField, { defaultValue: SortField.NAME, description: "Sort field (排序字段)." })
  field!: SortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction (方向)." })
  direction!: SortDirection;
}

@ObjectType({ description: "An item of an entity list (列表项)." })
export class EntityEdge {
  @Field(() => EntityInterface, { description: "The entity (实体)." })
  node!: EntityInterface;

  @Field(() => String, { description: "Keyset cursor of this item (游标)." })
  cursor!: string;
}

@ObjectType({
  description: "A page of an entity list, a Relay connection with keyset cursors (实体列表).",
})
export class EntityConnection {
  @Field(() => Int, { description: "Number of entities matching the filters, in all (总数)." })
  totalCount!: number;

  @Field(() => [EntityEdge], { description: "Items of this page (本页条目)." })
  edges!: EntityEdge[];

  @Field(() => [EntityInterface], {
    description: "The entities of this page, without cursors (本页实体).",
  })
  nodes!: EntityInterface[];

  @Field(() => PageInfo, { description: "Page information (分页信息)." })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A count for one kind (按类别计数)." })
export class KindCount {
  @Field(() => EntityKindEnum, { description: "Kind (类别)." })
  kind!: EntityKind;

  @Field(() => Int, { description: "Number of entities (数量)." })
  count!: number;
}

@ObjectType({ description: "Counts of the entities tied to one district or industry (分组计数)." })
export class CountBucket {
  @Field(() => ID, { description: "District or industry id (标识)." })
  id!: string;

  @Field(() => String, { description: "Chinese name (名称)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "English name (英文名称)." })
  nameEn?: string | null;

  @Field(() => Int, { description: "Entities tied to it, in all (总数)." })
  total!: number;

  @Field(() => [KindCount], { description: "The same, by kind (按类别)." })
  byKind!: KindCount[];
}

@ArgsType()
export class ListArgsType {
  @Field(() => EntityFilter, { nullable: true, description: "Filters (筛选)." })
  filter?: EntityFilter | null;

  @Field(() => EntityOrder, {
    nullable: true,
    description: "Sort order; by name ascending when absent (排序).",
  })
  orderBy?: EntityOrder | null;

  @Field(() => Int, {
    nullable: true,
    description: "Page size from the start or after a cursor, 0 to 100, default 20 (前N条).",
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (之后游标)." })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Page size from the end or before a cursor, 0 to 100 (后N条).",
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue before (之前游标)." })
  before?: string | null;
}
