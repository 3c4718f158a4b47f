import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "./context";
import { GraphStats } from "./stats.type";

@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats, { description: "Size of the knowledge graph (知识图谱规模)." })
  graphStats(@Ctx() ctx: Context): Promise<GraphStats> {
    return ctx.services.stats.counts();
  }
}
