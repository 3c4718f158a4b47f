import type { GraphQLResolveInfo } from "graphql";
import { Args, Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { ENTITY_KINDS, type EntityKind } from "../model/vocabulary";
import type {
  CountBucket as CountBucketRecord,
  KindCount as KindCountRecord,
} from "../model/records";
import type { EntityConnectionRecord, ListArgs } from "../services/list.service";
import { EntityKindEnum } from "./common.type";
import type { Context } from "./context";
import { listReadingOf } from "./lookahead";
import {
  CountBucket,
  EntityConnection,
  KindCount,
  ListArgsType,
  SortDirection,
  SortField,
} from "./list.type";

/** Plural query names of the per-kind lists (universities, researchInstitutes, …). */
export const LIST_QUERY_NAMES: Readonly<Record<EntityKind, string>> = {
  University: "universities",
  ResearchInstitute: "researchInstitutes",
  Enterprise: "enterprises",
  GovernmentBody: "governmentBodies",
  District: "districts",
  Region: "regions",
  Industry: "industries",
  TechnologyRoadmap: "technologyRoadmaps",
  Project: "projects",
  Carrier: "carriers",
  Platform: "platforms",
  Fund: "funds",
  Policy: "policies",
  Program: "programs",
  Mechanism: "mechanisms",
  Person: "people",
  Event: "events",
  CollectiveActor: "collectiveActors",
  ChainSegment: "chainSegments",
};

function toListArgs(kind: EntityKind | null, args: ListArgsType): ListArgs {
  return {
    kind,
    nameContains: args.filter?.name ?? null,
    district: args.filter?.district ?? null,
    industry: args.filter?.industry ?? null,
    sortField: args.orderBy?.field ?? SortField.NAME,
    sortDirection: args.orderBy?.direction ?? SortDirection.ASC,
    first: args.first ?? null,
    after: args.after ?? null,
    last: args.last ?? null,
    before: args.before ?? null,
  };
}

@Resolver()
export class ListResolver {
  @Query(() => EntityConnection, {
    description:
      "Entities of any or one kind, filtered, sorted and paginated with keyset cursors (实体列表).",
  })
  entities(
    @Arg("kind", () => EntityKindEnum, { nullable: true, description: "Only this kind (类别)." })
    kind: EntityKind | null,
    @Args(() => ListArgsType) args: ListArgsType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityConnectionRecord> {
    return ctx.services.lists.list(toListArgs(kind ?? null, args), listReadingOf(info, kind));
  }

  @Query(() => [KindCount], {
    description: "Number of entities of each kind, for dashboards (按类别统计).",
  })
  countsByKind(@Ctx() ctx: Context): Promise<KindCountRecord[]> {
    return ctx.services.lists.countsByKind();
  }

  @Query(() => [CountBucket], {
    description:
      "For each district, the entities located in it or co-built or developed by it, by kind (按区县统计).",
  })
  countsByDistrict(@Ctx() ctx: Context): Promise<CountBucketRecord[]> {
    return ctx.services.lists.countsByDistrict();
  }

  @Query(() => [CountBucket], {
    description:
      "For each industry, the entities that focus on it or are its roadmap, by kind (按产业统计).",
  })
  countsByIndustry(@Ctx() ctx: Context): Promise<CountBucketRecord[]> {
    return ctx.services.lists.countsByIndustry();
  }
}

@Resolver(() => EntityConnection)
export class EntityConnectionResolver {
  @FieldResolver(() => Int, {
    description: "Number of entities matching the filters, in all (总数).",
  })
  totalCount(@Root() connection: EntityConnectionRecord): Promise<number> {
    return connection.totalCount();
  }
}

/** The list query of one kind (universities, districts, …), a delegation to the list service. */
function kindListResolver(kind: EntityKind): new () => object {
  const name = LIST_QUERY_NAMES[kind];

  @Resolver()
  class KindListResolver {
    @Query(() => EntityConnection, {
      description: `${kind} entities, filtered, sorted and paginated with keyset cursors (${kind} 列表).`,
    })
    [name](
      @Args(() => ListArgsType) args: ListArgsType,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<EntityConnectionRecord> {
      return ctx.services.lists.list(toListArgs(kind, args), listReadingOf(info, kind));
    }
  }
  return KindListResolver;
}

/** One list query per kind, in the order of the kinds. */
export function createKindListResolvers(): (new () => object)[] {
  return ENTITY_KINDS.map(kindListResolver);
}
