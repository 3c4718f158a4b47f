import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AuditRow, EntityRecord, RelationRecord } from "../model/records";
import type { DeleteResultRecord, UnlinkResultRecord } from "../services/curation.service";
import type { Context } from "./context";
import { CreateEntityInput, EvidenceInput, LinkInput, UpdateEntityInput } from "./curation.input";
import { AuditEntry, DeleteResult, UnlinkResult } from "./curation.type";
import { EntityInterface, Relation, RelationTypeEnum } from "./entity.type";

const KEY_DESCRIPTION =
  "A key unique to this request (8–128 of letters, digits, _ . : -); a replay with the same key returns the first result and writes nothing (幂等键).";

@Resolver()
export class CurationResolver {
  @Authorized("editor")
  @Mutation(() => EntityInterface, {
    description: "Create an entity, with evidence; editor role (新建实体).",
  })
  createEntity(
    @Arg("input", () => CreateEntityInput) input: CreateEntityInput,
    @Arg("evidence", () => EvidenceInput) evidence: EvidenceInput,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<EntityRecord> {
    return ctx.services.curation.createEntity(input, evidence, idempotencyKey);
  }

  @Authorized("editor")
  @Mutation(() => EntityInterface, {
    description: "Change an entity's names or gloss, with evidence; editor role (修改实体).",
  })
  updateEntity(
    @Arg("id", () => ID) id: string,
    @Arg("patch", () => UpdateEntityInput) patch: UpdateEntityInput,
    @Arg("evidence", () => EvidenceInput) evidence: EvidenceInput,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<EntityRecord> {
    return ctx.services.curation.updateEntity(id, patch, evidence, idempotencyKey);
  }

  @Authorized("admin")
  @Mutation(() => DeleteResult, {
    description:
      "Delete an entity; refused while relationships remain unless cascade is true; admin role (删除实体).",
  })
  deleteEntity(
    @Arg("id", () => ID) id: string,
    @Arg("evidence", () => EvidenceInput) evidence: EvidenceInput,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("cascade", () => Boolean, {
      defaultValue: false,
      description: "Also remove its relationships (级联).",
    })
    cascade: boolean,
  ): Promise<DeleteResultRecord> {
    return ctx.services.curation.deleteEntity(id, cascade, evidence, idempotencyKey);
  }

  @Authorized("editor")
  @Mutation(() => Relation, {
    description: "Add a relationship allowed by the model, with evidence; editor role (新建关系).",
  })
  link(
    @Arg("input", () => LinkInput) input: LinkInput,
    @Arg("evidence", () => EvidenceInput) evidence: EvidenceInput,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<RelationRecord> {
    return ctx.services.curation.link(input, evidence, idempotencyKey);
  }

  @Authorized("editor")
  @Mutation(() => UnlinkResult, {
    description: "Remove a relationship, with evidence; editor role (解除关系).",
  })
  unlink(
    @Arg("source", () => ID) source: string,
    @Arg("type", () => RelationTypeEnum) type: string,
    @Arg("target", () => ID) target: string,
    @Arg("evidence", () => EvidenceInput) evidence: EvidenceInput,
    @Arg("idempotencyKey", () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<UnlinkResultRecord> {
    return ctx.services.curation.unlink(source, type, target, evidence, idempotencyKey);
  }

  @Query(() => [AuditEntry], {
    description:
      "The audit trail of an entity, oldest first, including links to and from it (修改历史).",
  })
  history(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg("limit", () => Int, {
      defaultValue: 100,
      description: "At most this many, 1 to 1000 (上限).",
    })
    limit: number,
  ): Promise<AuditRow[]> {
    return ctx.services.curation.history(id, limit);
  }
}
