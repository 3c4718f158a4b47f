import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import type { EntityRecord, RelationRecord } from "../model/records";
import { RELATION_FIELDS, type RelationFieldSpec } from "../model/relation-fields";
import type { EntityKind } from "../model/vocabulary";
import { DEFAULT_RELATIONS_PER_FIELD } from "../services/graph.service";
import type { Context } from "./context";
import { KIND_TYPES, Relation } from "./entity.type";
import { prefetchLinksOf } from "./lookahead";

type FieldMethod = (
  root: EntityRecord,
  first: number,
  ctx: Context,
  info: GraphQLResolveInfo,
) => Promise<RelationRecord[]>;

type CountMethod = (root: EntityRecord, ctx: Context) => Promise<number>;

/** The name of a typed field's count: `coBuilt` → `coBuiltCount`. */
export const countFieldName = (field: string): string => `${field}Count`;

/** The options that mark a field deprecated, when it is. */
const deprecation = (reason: string | undefined): { deprecationReason?: string } =>
  reason === undefined ? {} : { deprecationReason: reason };

/**
 * Builds, from the table in src/model/relation-fields.ts, one resolver class per kind whose methods
 * are the kind's typed relationship fields (University.coBuiltInstitutes, Project.leads, …). Each
 * field is a one-line delegation to the graph service, batched by the request's DataLoader; the
 * fields its selection asks for on the other ends are read in the same round trip. Each has a
 * count beside it (University.coBuiltInstitutesCount): how many it lists with no `first`, one
 * batched query for the counts of a request level. A former name kept for one release
 * (Carrier.district, now Carrier.districts) is a field of the table like any other, with its
 * count (districtCount), both marked deprecated.
 */
export function createRelationFieldResolvers(): (new () => object)[] {
  const byKind = new Map<EntityKind, RelationFieldSpec[]>();
  for (const spec of RELATION_FIELDS)
    byKind.set(spec.kind, [...(byKind.get(spec.kind) ?? []), spec]);

  return [...byKind.entries()].map(([kind, specs]) => {
    const named: Record<string, new () => object> = { [`${kind}RelationsResolver`]: class {} };
    const cls = named[`${kind}RelationsResolver`] as new () => object;
    const prototype = cls.prototype as Record<string, FieldMethod>;
    for (const spec of specs) {
      // Read-ahead (docs/architecture.md, "Reading ahead"), hop 8: the field finds its links in the
      // relations loader's cache when the level above read them; its own selection's links
      // (prefetchLinksOf) start the next level's read-ahead at hop 3.
      prototype[spec.field] = (root, first, ctx, info) =>
        ctx.services.graph.linked(root.id, spec.links, spec.kinds, first, prefetchLinksOf(info));
      const descriptor = Object.getOwnPropertyDescriptor(prototype, spec.field);
      if (descriptor === undefined) throw new Error(`field ${kind}.${spec.field} not defined`);
      FieldResolver(() => [Relation], {
        description: `${spec.description} (${spec.zh}); follows ${spec.links
          .map((link) => `${link.direction === "OUT" ? "→" : "←"}${link.type}`)
          .join(", ")}${spec.kinds === undefined ? "" : ` to ${spec.kinds.join("|")}`}.`,
        ...deprecation(spec.deprecationReason),
      })(prototype, spec.field, descriptor);
      Root()(prototype, spec.field, 0);
      Arg("first", () => Int, {
        defaultValue: DEFAULT_RELATIONS_PER_FIELD,
        description: `At most this many, 1 to 1000 (数量上限); ${countFieldName(spec.field)} says how many there are.`,
      })(prototype, spec.field, 1);
      Ctx()(prototype, spec.field, 2);
      Info()(prototype, spec.field, 3);

      const count = countFieldName(spec.field);
      const counts = prototype as unknown as Record<string, CountMethod>;
      counts[count] = (root, ctx) =>
        ctx.services.graph.linkedCount(root.id, spec.links, spec.kinds);
      const countDescriptor = Object.getOwnPropertyDescriptor(prototype, count);
      if (countDescriptor === undefined) throw new Error(`field ${kind}.${count} not defined`);
      FieldResolver(() => Int, {
        description: `How many ${spec.field} lists, whatever its \`first\` (${spec.zh}总数): when it is larger than the list, there are more.`,
        ...deprecation(
          spec.replacedBy === undefined
            ? undefined
            : `Use ${countFieldName(spec.replacedBy)}: it counts ${spec.replacedBy}. Removed in the next release.`,
        ),
      })(prototype, count, countDescriptor);
      Root()(prototype, count, 0);
      Ctx()(prototype, count, 1);
    }
    Resolver(() => KIND_TYPES[kind])(cls);
    return cls;
  });
}
