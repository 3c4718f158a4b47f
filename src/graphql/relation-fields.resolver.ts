import {
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import type { EntityRecord, RelationRecord } from "../model/records";
import { RELATION_FIELDS, type RelationFieldSpec } from "../model/relation-fields";
import { DEFAULT_RELATIONS_PER_FIELD } from "../services/graph.service";
import type { Context } from "./context";
import { KIND_TYPES, Relation } from "./entity.type";
import { prefetchLinksOf, shapeOf } from "./lookahead";

/** The name of a typed field's count: `coBuilt` → `coBuiltCount`. */
export const countFieldName = (field: string): string => `${field}Count`;

/** The options that mark a field deprecated, when it is. */
const deprecation = (reason: string | undefined): { deprecationReason?: string } =>
  reason === undefined ? {} : { deprecationReason: reason };

/** The description of a typed field: what it lists, in Chinese too, and the links it follows. */
const fieldDescription = (spec: RelationFieldSpec): string =>
  `${spec.description} (${spec.zh}); follows ${spec.links
    .map((link) => `${link.direction === "OUT" ? "→" : "←"}${link.type}`)
    .join(", ")}${spec.kinds === undefined ? "" : ` to ${spec.kinds.join("|")}`}.`;

/**
 * What a typed field lists: a one-line delegation to the graph service, batched by the request's
 * DataLoader. Read-ahead (docs/architecture.md, "Reading ahead"), hop 8: the field finds its links
 * in the relations loader's cache when the level above read them; its own selection's links
 * (prefetchLinksOf) start the next level's read-ahead at hop 3.
 */
function linked(
  spec: RelationFieldSpec,
  root: EntityRecord,
  first: number,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<RelationRecord[]> {
  return ctx.services.graph.linked(root.id, spec, first, {
    next: root.asOf === undefined ? prefetchLinksOf(info) : [],
    asOf: root.asOf,
    ...shapeOf(info),
  });
}

/**
 * The resolver of one typed relationship field of the table in src/model/relation-fields.ts
 * (University.coBuiltInstitutes, Project.leads, …) and of its count. The field is a one-line
 * delegation to the graph service, batched by the request's DataLoader; the fields its selection
 * asks for on the other ends are read in the same round trip. Its count
 * (University.coBuiltInstitutesCount) is how many it lists with no `first`, one batched query for
 * the counts of a request level. A former name kept for one release (Carrier.district, now
 * Carrier.districts) is a field of the table like any other, with its count (districtCount), both
 * marked deprecated.
 *
 * The methods are named after the fields: type-graphql finds a field's resolver by its object type
 * and method name, so the `name` option with one method name for all would resolve every field of a
 * type with the first one's.
 */
function relationFieldResolver(spec: RelationFieldSpec): new () => object {
  const field = spec.field;
  const count = countFieldName(field);

  @Resolver(() => KIND_TYPES[spec.kind])
  class RelationFieldResolver {
    @FieldResolver(() => [Relation], {
      description: fieldDescription(spec),
      ...deprecation(spec.deprecationReason),
    })
    [field](
      @Root() root: EntityRecord,
      @Arg("first", () => Int, {
        defaultValue: DEFAULT_RELATIONS_PER_FIELD,
        description: `At most this many, 1 to 1000 (数量上限); ${count} says how many there are.`,
      })
      first: number,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<RelationRecord[]> {
      return linked(spec, root, first, ctx, info);
    }

    @FieldResolver(() => Int, {
      description: `How many ${field} lists, whatever its \`first\` (${spec.zh}总数): when it is larger than the list, there are more.`,
      ...deprecation(
        spec.replacedBy === undefined
          ? undefined
          : `Use ${countFieldName(spec.replacedBy)}: it counts ${spec.replacedBy}. Removed in the next release.`,
      ),
    })
    [count](@Root() root: EntityRecord, @Ctx() ctx: Context): Promise<number> {
      return ctx.services.graph.linkedCount(root.id, spec, root.asOf);
    }
  }
  return RelationFieldResolver;
}

/**
 * One resolver class per typed relationship field, in the order of the table: type-graphql adds a
 * type's fields in the order their classes are created.
 */
export function createRelationFieldResolvers(): (new () => object)[] {
  return RELATION_FIELDS.map(relationFieldResolver);
}

/**
 * Resolves the typed fields of a built schema by `linked` directly, in place of type-graphql's
 * resolver of a field with arguments: that one hands the method its arguments through an async
 * validation step even when nothing validates (validateArg in type-graphql 2.0.0-rc.4), so each
 * call of a typed field made three promises and microtask turns more than its answer needs, once
 * per entity of every level of a nested read (bench/RESULTS.md, "Per request, once"). The classes above still declare the fields, their arguments and descriptions; only
 * `resolve` changes, to the same call. No typed field has a middleware or roles, so type-graphql's
 * resolver did nothing else.
 */
export function resolveRelationFieldsDirectly(schema: GraphQLSchema): void {
  for (const spec of RELATION_FIELDS) {
    const type = schema.getType(spec.kind);
    const field = isObjectType(type) ? type.getFields()[spec.field] : undefined;
    if (field === undefined)
      throw new Error(`typed field ${spec.kind}.${spec.field} not in the schema`);
    const resolve: GraphQLFieldResolver<EntityRecord, Context, { first: number }> = (
      root,
      args,
      ctx,
      info,
    ) => linked(spec, root, args.first, ctx, info);
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
}
