import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { DEFAULT_CHAIN_FIRST, type InnovationChainRecord } from "../services/chain.service";
import { InnovationChain } from "./chain.type";
import type { Context } from "./context";

@Resolver()
export class ChainResolver {
  @Query(() => InnovationChain, {
    nullable: true,
    description:
      "The innovation chain deployed around an industry: roadmaps, projects with leads and participants, universities and institutes, carriers with districts, and supporting platforms, funds and policies; null when the id is unknown (创新链).",
  })
  innovationChain(
    @Arg("industryId", () => ID, {
      description: "An Industry id, e.g. industry-automobile (产业标识).",
    })
    industryId: string,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, {
      defaultValue: DEFAULT_CHAIN_FIRST,
      description: "At most this many items per branch of each stage, 1 to 500 (每类上限).",
    })
    first: number,
  ): Promise<InnovationChainRecord | null> {
    return ctx.services.chains.innovationChain(industryId, first);
  }
}
