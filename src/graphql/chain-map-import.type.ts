import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ChangeAction {
  create = "create",
  update = "update",
  unchanged = "unchanged",
  remove = "remove",
}
registerEnumType(ChangeAction, {
  name: "ChangeAction",
  description: "What an import does to a record (变更类型).",
  valuesConfig: {
    create: { description: "New (新建)." },
    update: { description: "Changed, field by field (更新)." },
    unchanged: { description: "As the file says already (不变)." },
    remove: { description: "No longer in the file (删除)." },
  },
});

@ObjectType({ description: "A bad cell or row, or a conflict with the graph (问题行)." })
export class RowProblem {
  @Field(() => String, { description: "Sheet, or CSV file (工作表)." })
  sheet!: string;

  @Field(() => Int, { description: "Row, headers being row 1; 0 for the whole sheet (行)." })
  row!: number;

  @Field(() => String, { nullable: true, description: "Column header (列)." })
  column?: string | null;

  @Field(() => String, { description: "Why it is refused (原因)." })
  reason!: string;
}

@ObjectType({ description: "One field of a record before and after (字段变更)." })
export class FieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  before?: string | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType({ description: "What an import does to an entity (实体变更)." })
export class EntityChange {
  @Field(() => ChangeAction)
  action!: ChangeAction;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [FieldChange], { description: "For create and update (字段)." })
  fields!: FieldChange[];

  @Field(() => String, { nullable: true, description: "The sheet of the row asking for it." })
  sheet?: string | null;

  @Field(() => Int, { nullable: true, description: "That row (行)." })
  row?: number | null;
}

@ObjectType({ description: "What an import does to a relationship (关系变更)." })
export class RelationshipChange {
  @Field(() => ChangeAction)
  action!: ChangeAction;

  @Field(() => ID)
  source!: string;

  @Field(() => String)
  type!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => [FieldChange])
  fields!: FieldChange[];

  @Field(() => String, { nullable: true })
  sheet?: string | null;

  @Field(() => Int, { nullable: true })
  row?: number | null;
}

@ObjectType({ description: "Records by what the import does to them (变更计数)." })
export class ActionCounts {
  @Field(() => Int)
  create!: number;

  @Field(() => Int)
  update!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  remove!: number;
}

@ObjectType({
  description:
    "A chain map's import: the diff (a dry run stops there), or what was written (链图导入).",
})
export class ChainMapImportResult {
  @Field(() => Boolean, {
    description: "True when written; false for a dry run or a refused file (已写入).",
  })
  applied!: boolean;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => String, { description: "The chain map's name: what it owns (导入集)." })
  importSet!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: "sha256 of the file (校验和)." })
  checksum!: string;

  @Field(() => ID, { nullable: true, description: "The audit record, when applied (审计记录)." })
  importId?: string | null;

  @Field(() => [RowProblem], {
    description: "Bad rows: any refuses the whole file, nothing is written (问题行).",
  })
  problems!: RowProblem[];

  @Field(() => [RowProblem], {
    description:
      "Names that resolve to an entity of another kind, or to several: any refuses the file (冲突).",
  })
  conflicts!: RowProblem[];

  @Field(() => ActionCounts)
  entityCounts!: ActionCounts;

  @Field(() => ActionCounts)
  relationshipCounts!: ActionCounts;

  @Field(() => Int, {
    description: "Links the file asks for that the documents or others already state (已有).",
  })
  alreadyStated!: number;

  @Field(() => Int, {
    description: "Entities the file no longer lists, kept because others link them (保留).",
  })
  keptEntities!: number;

  @Field(() => [EntityChange], {
    description: "Entity changes, without the unchanged ones, at most 1000 (实体变更).",
  })
  entityChanges!: EntityChange[];

  @Field(() => [RelationshipChange], {
    description: "Relationship changes, without the unchanged ones, at most 1000 (关系变更).",
  })
  relationshipChanges!: RelationshipChange[];
}

@InputType({
  description:
    "One file of a chain map: a .xlsx workbook, or one of the .csv tables (sources.csv, segments.csv, members.csv, links.csv) (链图文件).",
})
export class ChainMapFileInput {
  @Field(() => String, { description: "Its file name; the extension says its form (文件名)." })
  name!: string;

  @Field(() => String, { description: "Its bytes, base64 (内容)." })
  contentBase64!: string;
}

@ObjectType({ description: "The record of one applied import (导入记录)." })
export class ChainMapImportRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  importSet!: string;

  @Field(() => String, { description: "When, ISO 8601 (时间)." })
  at!: string;

  @Field(() => String, { description: "Who (导入人)." })
  actor!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  checksum!: string;

  @Field(() => String, { description: "What it changed, by action, as JSON (变更计数)." })
  counts!: string;
}
