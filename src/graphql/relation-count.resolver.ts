import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { EntityRecord } from "../model/records";
import type { Context } from "./context";
import { EntityInterface } from "./entity.type";
import { RelationFilterArgs } from "./relation.args";

/**
 * Entity.relationCount: how many relationships `relations` would list with the same filters and
 * no `first`, so a client can tell a cut list from a whole one. Counts of a request level are read
 * in one batched query.
 */
@Resolver(() => EntityInterface)
export class RelationCountResolver {
  @FieldResolver(() => Int, {
    description:
      "How many relationships `relations` lists with the same `types` and `direction`, whatever its `first` (关系总数): when it is larger than the list, there are more; ask again with a larger `first` (up to 1000). Each typed relationship field has its own count, named after it: `coBuilt` → `coBuiltCount`.",
  })
  relationCount(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Args(() => RelationFilterArgs) { types, direction }: RelationFilterArgs,
  ): Promise<number> {
    return ctx.services.graph.relationCount(
      entity.id,
      types ?? null,
      direction ?? null,
      entity.asOf,
    );
  }
}
