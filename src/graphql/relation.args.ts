import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_RELATIONS_PER_FIELD } from "../services/graph.service";
import { Direction } from "./common.type";
import { RelationTypeEnum } from "./entity.type";
import { AS_OF } from "./lookahead";

/** Which of an entity's relationships `relations` lists and `relationCount` counts. */
@ArgsType()
export class RelationFilterArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Only these types (关系类型)." })
  types?: string[] | null;

  @Field(() => Direction, { nullable: true, description: "Only this direction (方向)." })
  direction?: Direction | null;
}

/** `relations`: the filter and how many to list. */
@ArgsType()
export class RelationsArgs extends RelationFilterArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_RELATIONS_PER_FIELD,
    description: "At most this many, 1 to 1000 (数量上限).",
  })
  first!: number;
}

/** `upstream` and `downstream`: where the trace starts, by id or name, and how far it goes. */
@ArgsType()
export class TraceArgs {
  @Field(() => ID, { nullable: true, description: "Industry or chain segment (产业或环节)." })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Or its name, as resolve takes names (名称).",
  })
  name?: string | null;

  @Field(() => Int, { defaultValue: 3, description: "Hops, 1 to 10 (深度)." })
  depth!: number;
}

/** `paths` and `pathSearch`: both ends, by id or name, how far apart, how many paths, as of when. */
@ArgsType()
export class PathArgs {
  @Field(() => ID, { nullable: true, description: "Start entity (起点)." })
  fromId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Or the start entity's name, as resolve takes names (起点名称).",
  })
  from?: string | null;

  @Field(() => ID, { nullable: true, description: "End entity (终点)." })
  toId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Or the end entity's name, as resolve takes names (终点名称).",
  })
  to?: string | null;

  @Field(() => Int, { defaultValue: 4, description: "At most this many hops, 1 to 6 (最大跳数)." })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: 10,
    description: "At most this many paths, 1 to 50 (路径上限).",
  })
  limit!: number;

  @Field(() => String, { nullable: true, description: AS_OF })
  asOf?: string | null;
}
