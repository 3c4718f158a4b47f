import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { DEFAULT_CHAIN_FIRST, type InnovationChainRecord } from "../services/chain.service";
import { InnovationChain } from "./chain.type";
import type { Context } from "./context";
import { AS_OF } from "./lookahead";

@Resolver()
export class ChainResolver {
  @Query(() => InnovationChain, {
    nullable: true,
    description:
      "The innovation chain deployed around an industry: roadmaps, projects with leads and participants, universities and institutes with their districts and universities, carriers with districts, and supporting platforms, funds and policies; each item and member says whether it was inferred and why, and whether it is a class of actors; null when the id is unknown; by id (industryId) or by name (industry), one of the two (创新链).",
  })
  async innovationChain(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, {
      defaultValue: DEFAULT_CHAIN_FIRST,
      description: "At most this many items per branch of each stage, 1 to 500 (每类上限).",
    })
    first: number,
    @Arg("industryId", () => ID, {
      nullable: true,
      description: "An Industry id, e.g. industry-automobile (产业标识).",
    })
    industryId?: string | null,
    @Arg("industry", () => String, {
      nullable: true,
      description: "Or the industry's name, as resolve takes names, e.g. 汽车 (产业名称).",
    })
    industry?: string | null,
    @Arg("asOf", () => String, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<InnovationChainRecord | null> {
    const id = await ctx.services.refs.idOf(
      { id: industryId, name: industry },
      { id: "industryId", name: "industry" },
      ["Industry"],
    );
    return ctx.services.chains.innovationChain(id, first, asOf);
  }
}
