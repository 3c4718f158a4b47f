import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type {
  CitationRecord,
  EntityRecord,
  EvidenceRecord,
  FactRecord,
  LaterNameRecord,
  RelationRecord,
} from "../model/records";
import { BRIEF_LEAVES_OUT, type NAMES_LEAVES_OUT } from "../model/records";
import { Citation, Evidence, Fact } from "./common.type";
import type { Context } from "./context";
import {
  ALIASES,
  CITATIONS,
  DESCRIPTION,
  NAME_EN,
  NAME_EN_OFFICIAL,
  NAME_INFERRED,
  EntityInterface,
  FIRST_STATED,
  LAST_STATED,
  LaterName,
  Relation,
} from "./entity.type";
import { AS_OF, prefetchPlanOf } from "./lookahead";
import { RelationsArgs } from "./relation.args";
import { NameLookup } from "./lookup.type";
import type { NameLookupRecord } from "../services/lookup.service";

@Resolver(() => EntityInterface)
export class EntityResolver {
  @Query(() => EntityInterface, {
    nullable: true,
    description:
      "An entity by id (null when there is none) or by name, as resolve takes names (a name that names no entity or several is BAD_USER_INPUT with the candidates) (按标识或名称查实体).",
  })
  async entity(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("id", () => ID, { nullable: true, description: "Its id (标识)." }) id?: string | null,
    @Arg("name", () => String, { nullable: true, description: "Or any of its names (名称)." })
    name?: string | null,
    @Arg("asOf", () => String, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<EntityRecord | null> {
    const entityId = await ctx.services.refs.idOf({ id, name }, { id: "id", name: "name" });
    if (asOf !== null && asOf !== undefined) return ctx.services.graph.entity(entityId, [], asOf);
    // Read-ahead (docs/architecture.md, "Reading ahead"), hop 1: the fields asked for on this entity and below
    // (lookahead.ts, hop 2) go with the read; next, GraphService.entity (hop 3).
    return ctx.services.graph.entity(entityId, prefetchPlanOf(info));
  }

  @Query(() => [EntityInterface], {
    description:
      "Entities that bear this name, trying in turn, the first that finds any wins: (1) the document's name forms (Chinese, English, alias, abbreviation), ignoring case, full/half width and spaces; (2) the same in simplified characters (電子科技大學); (3) later names, outside knowledge (双流区 → 双流县, Pidu District → 郫县); (4) pinyin of a Chinese name form, without tones, spaces or case (dianzi keji daxue, Diàn Zǐ Kē Jì Dà Xué → 电子科技大学; polyphonic characters read as the name reads them); (5) the start, six letters or more, of the pinyin of one entity's name and of no other's (shuangliu → 双流县). Several when the name is ambiguous, none when unknown: lookup(name) then suggests the closest names (名称解析).",
  })
  resolve(@Arg("name", () => String) name: string, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return ctx.services.graph.resolve(name);
  }

  @Query(() => NameLookup, {
    description:
      "A name looked up as resolve does it (document forms, then simplified, then later names, then pinyin), with the closest names when it names nothing: for a misspelt or partial name, or partial pinyin (shuangliu → 双流县). Suggestions come from the search's best hits and, for pinyin, from the entities whose pinyin starts with it, nearest by edit distance first (名称查询与建议).",
  })
  lookup(
    @Arg("name", () => String, { description: "Any name form (名称)." }) name: string,
    @Arg("suggestions", () => Int, {
      defaultValue: 5,
      description: "At most this many suggestions, 0 to 20 (建议上限).",
    })
    suggestions: number,
    @Ctx() ctx: Context,
  ): Promise<NameLookupRecord> {
    return ctx.services.lookup.lookup(name, suggestions);
  }

  // The fields a brief record leaves out (BRIEF_LEAVES_OUT), and a names record too
  // (NAMES_LEAVES_OUT): from the record, or, were one asked of such a record after all, from the
  // whole record by id (the lookahead saw every field a query asks of a link's other end, so this
  // is only a safety net).
  @FieldResolver(() => String, { nullable: true, description: NAME_EN })
  nameEn(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): string | null | Promise<string | null> {
    return leftOutField(entity, ctx, "nameEn");
  }

  @FieldResolver(() => Boolean, { nullable: true, description: NAME_EN_OFFICIAL })
  nameEnOfficial(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): boolean | null | Promise<boolean | null> {
    return leftOutField(entity, ctx, "nameEnOfficial");
  }

  @FieldResolver(() => Boolean, { description: NAME_INFERRED })
  nameInferred(@Root() entity: EntityRecord, @Ctx() ctx: Context): boolean | Promise<boolean> {
    return leftOutField(entity, ctx, "nameInferred");
  }

  @FieldResolver(() => [String], { description: ALIASES })
  aliases(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): readonly string[] | Promise<readonly string[]> {
    return leftOutField(entity, ctx, "aliases");
  }

  @FieldResolver(() => String, { nullable: true, description: DESCRIPTION })
  description(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): string | null | Promise<string | null> {
    return leftOutField(entity, ctx, "description");
  }

  @FieldResolver(() => [Citation], { description: CITATIONS })
  citations(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): readonly CitationRecord[] | Promise<readonly CitationRecord[]> {
    return leftOutField(entity, ctx, "citations");
  }

  @FieldResolver(() => [Evidence], {
    description: "Passages of the sources that name this entity (出处).",
  })
  async evidence(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): Promise<readonly EvidenceRecord[]> {
    return (await ctx.services.graph.details(entity)).evidence;
  }

  @FieldResolver(() => [Fact], {
    description:
      "Numbers the sources state about it, with units (数值事实): per key the latest version by statedOn (a later document may state a key again with a new value; the first is kept), or every version with history. As of a day (entity(id, asOf)), only what was stated by then.",
  })
  async facts(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Arg("history", () => Boolean, {
      defaultValue: false,
      description: "Every version of every key, oldest first, each with its statedOn (历史版本).",
    })
    history: boolean,
  ): Promise<readonly FactRecord[]> {
    return ctx.services.graph.facts(entity, history);
  }

  @FieldResolver(() => [LaterName], {
    description:
      "Names it took after the source document (双流县 → 双流区), with the year: outside knowledge, not quotes; resolve finds the entity by them (后来的名称).",
  })
  async laterNames(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
  ): Promise<(LaterNameRecord & { outsideKnowledge: true })[]> {
    const { laterNames } = await ctx.services.graph.details(entity);
    return laterNames.map((later) => ({ ...later, outsideKnowledge: true }));
  }

  @FieldResolver(() => [Relation], {
    description:
      "Relationships of this entity, optionally filtered by type and direction, each with its evidence (关系). At most `first` in all: outgoing before incoming, with `types` type by type in the order given, each by the other end's name. Read from indexes, so an entity with thousands of links costs no more than one with a few.",
  })
  relations(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Args(() => RelationsArgs) { types, direction, first }: RelationsArgs,
  ): Promise<RelationRecord[]> {
    return ctx.services.graph.relations(
      entity.id,
      types ?? null,
      direction ?? null,
      first,
      entity.asOf,
    );
  }
}

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => EntityInterface, { description: "The entity at the other end (关联实体)." })
  node(
    @Root() relation: RelationRecord,
    @Ctx() ctx: Context,
  ): EntityRecord | Promise<EntityRecord> {
    return ctx.services.graph.otherEnd(relation);
  }

  @FieldResolver(() => [Evidence], {
    description: "The passages that state the relationship (证据).",
  })
  evidence(
    @Root() relation: RelationRecord,
    @Ctx() ctx: Context,
  ): Promise<readonly EvidenceRecord[]> {
    return ctx.services.graph.edgeEvidence(relation);
  }

  @FieldResolver(() => String, { nullable: true, description: FIRST_STATED })
  async firstStated(@Root() relation: RelationRecord, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.graph.stated(relation)).firstStated;
  }

  @FieldResolver(() => String, { nullable: true, description: LAST_STATED })
  async lastStated(@Root() relation: RelationRecord, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.graph.stated(relation)).lastStated;
  }
}

const LEFT_OUT_OF_BRIEF: ReadonlySet<string> = new Set(BRIEF_LEAVES_OUT);

/**
 * A field a brief or names record may leave out: the record's own, or, when this record leaves it
 * out, the whole record's, read by id through the request's entity loader.
 */
function leftOutField<
  K extends (typeof BRIEF_LEAVES_OUT)[number] | (typeof NAMES_LEAVES_OUT)[number],
>(entity: EntityRecord, ctx: Context, key: K): EntityRecord[K] | Promise<EntityRecord[K]> {
  const leftOut = entity.names === true || (entity.brief === true && LEFT_OUT_OF_BRIEF.has(key));
  if (!leftOut) return entity[key];
  return ctx.services.graph.requireEntity(entity.id).then((whole) => whole[key]);
}
