import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "What a delete removed (删除结果)." })
export class DeleteResult {
  @Field(() => ID, { description: "The deleted entity (实体)." })
  id!: string;

  @Field(() => Int, { description: "Relationships removed with it (cascade) (连带删除的关系数)." })
  relationshipsRemoved!: number;
}

@ObjectType({ description: "What an unlink removed (解除关系结果)." })
export class UnlinkResult {
  @Field(() => ID, { description: "Relationship id source|TYPE|target (关系标识)." })
  id!: string;

  @Field(() => Boolean, { description: "True: it was removed (已删除)." })
  removed!: boolean;
}

@ObjectType({ description: "One write to the graph, as the audit trail keeps it (审计记录)." })
export class AuditEntry {
  @Field(() => ID, { description: "Audit id (标识)." })
  id!: string;

  @Field(() => String, { description: "When, ISO 8601 (时间)." })
  at!: string;

  @Field(() => String, { description: "Who: the API key label or token subject (操作者)." })
  actor!: string;

  @Field(() => String, {
    description: "What: createEntity, updateEntity, deleteEntity, link or unlink (操作).",
  })
  action!: string;

  @Field(() => ID, { description: "The entity written (or the link's source) (实体)." })
  entityId!: string;

  @Field(() => [ID], { description: "Other entities involved, e.g. a link's target (相关实体)." })
  relatedIds!: string[];

  @Field(() => String, { nullable: true, description: "State before, JSON (修改前)." })
  before?: string | null;

  @Field(() => String, { nullable: true, description: "State after, JSON (修改后)." })
  after?: string | null;

  @Field(() => String, { description: "The evidence given, JSON (证据)." })
  evidence!: string;

  @Field(() => String, { description: "The request's idempotency key (幂等键)." })
  idempotencyKey!: string;
}
