import { Field, ObjectType, registerEnumType } from "type-graphql";
import { CHAIN_STAGES, type ChainStageKey } from "../services/chain.service";
import { EntityInterface } from "./entity.type";
import { GraphEdge } from "./traversal.type";

export const ChainStageKeyEnum = Object.fromEntries(CHAIN_STAGES.map((key) => [key, key])) as {
  [K in ChainStageKey]: K;
};
registerEnumType(ChainStageKeyEnum, {
  name: "ChainStageKey",
  description: "Stage of an innovation chain (创新链环节).",
  valuesConfig: {
    ROADMAPS: { description: "Technology roadmaps of the industry (技术路线图)." },
    PROJECTS: {
      description: "Collaborative projects and bases, with leads and participants (协同创新项目).",
    },
    INSTITUTIONS: {
      description: "Universities, research institutes and enterprises (高校、院所与企业).",
    },
    CARRIERS: { description: "Carriers, parks and bases, with their districts (载体与区县)." },
    SUPPORT: {
      description:
        "Platforms, programs, mechanisms and tasks that support it, and the funds and policies tied to those or to the industry (平台、资金与政策).",
    },
  },
});

@ObjectType({ description: "An entity tied to a chain item, such as a project's lead (环节成员)." })
export class ChainMember {
  @Field(() => String, {
    description:
      "lead, participant, owner (projects); district, university (carriers and research institutes); issuer (policies) (角色).",
  })
  role!: string;

  @Field(() => EntityInterface, { description: "The member (成员)." })
  entity!: EntityInterface;

  @Field(() => GraphEdge, {
    description: "The relationship that ties it, with evidence (关系证据).",
  })
  edge!: GraphEdge;

  @Field(() => Boolean, {
    description:
      "True when edge, the relationship that ties the member to its item, is labelled inferred rather than stated (是否推断).",
  })
  inferred!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "When inferred: which link was inferred, its confidence, the quote it rests on and the rule that inferred it (the link's note); null otherwise (推断依据).",
  })
  reason?: string | null;

  @Field(() => Boolean, {
    description:
      "True when the member is a class of actors the text names without naming its members (a CollectiveActor such as 行业龙头企业), not a named organisation (是否为群体).",
  })
  isClass!: boolean;

  @Field(() => [ChainMember], {
    description:
      "For a research institute: its districts and universities (role district or university); empty otherwise (所属区县与高校).",
  })
  members!: ChainMember[];
}

@ObjectType({
  description: "One item of a chain stage, with how it is tied to the industry (环节条目).",
})
export class ChainItem {
  @Field(() => EntityInterface, { description: "The item (条目)." })
  entity!: EntityInterface;

  @Field(() => [String], {
    description:
      "How it is tied: roadmap, project, carrier, focus, event-host, lead, participant, owner, university, supporter, platform, task, fund, policy (关联方式).",
  })
  roles!: string[];

  @Field(() => [GraphEdge], {
    description:
      "The relationships from the item to the industry, nearest the item first, each with evidence (关联路径).",
  })
  via!: GraphEdge[];

  @Field(() => [ChainMember], {
    description:
      "A project's leads, participants and owner; a carrier's or research institute's districts and universities; a policy's issuers (成员).",
  })
  members!: ChainMember[];

  @Field(() => Boolean, {
    description:
      "True when every path in via that ties the item to the industry has a link labelled inferred rather than stated (是否推断).",
  })
  inferred!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "When inferred: each inferred link of its paths, with its confidence, the quote it rests on and the rule that inferred it (the link's note); null otherwise (推断依据).",
  })
  reason?: string | null;

  @Field(() => Boolean, {
    description:
      "True when the item is a class of actors the text names without naming its members (a CollectiveActor), not a named organisation (是否为群体).",
  })
  isClass!: boolean;
}

@ObjectType({
  description:
    "One stage of an innovation chain; empty when the sources state nothing for it (环节).",
})
export class ChainStage {
  @Field(() => ChainStageKeyEnum, { description: "Stage (环节)." })
  key!: ChainStageKey;

  @Field(() => String, { description: "Title in English and Chinese (标题)." })
  title!: string;

  @Field(() => Boolean, {
    description: "True when the sources state nothing for this stage (是否为空).",
  })
  empty!: boolean;

  @Field(() => Boolean, {
    description: "True when the `first` cap cut this stage: more items exist (是否截断).",
  })
  truncated!: boolean;

  @Field(() => [ChainItem], { description: "Items, by Chinese name (条目)." })
  items!: ChainItem[];
}

@ObjectType({
  description:
    "The innovation chain deployed around an industry (围绕产业链部署创新链), stage by stage.",
})
export class InnovationChain {
  @Field(() => EntityInterface, { description: "The industry (产业)." })
  industry!: EntityInterface;

  @Field(() => [ChainStage], {
    description: "Stages in order: roadmaps, projects, institutions, carriers, support (各环节).",
  })
  stages!: ChainStage[];
}
