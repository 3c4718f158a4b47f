import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { InnovationChainRecord } from "../services/chain.service";
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
  ): Promise<InnovationChainRecord | null> {
    return ctx.services.chains.innovationChain(industryId);
  }
}
