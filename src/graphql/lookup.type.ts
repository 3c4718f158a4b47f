import { Field, Int, ObjectType } from "type-graphql";
import type { EntityRecord } from "../model/records";
import { EntityInterface } from "./entity.type";

@ObjectType({ description: "A name close to one that matched nothing (相近名称)." })
export class NameSuggestion {
  @Field(() => EntityInterface, { description: "The entity it names (实体)." })
  entity!: EntityRecord;

  @Field(() => String, {
    description:
      "The entity's name form closest to the name asked for; for a name in pinyin, the Chinese form whose pinyin is closest (最接近的名称).",
  })
  nameForm!: string;

  @Field(() => Int, {
    description:
      "Edit distance from the name asked for to nameForm, in characters, after folding case, width and traditional characters; for a name in pinyin, the distance between the two in pinyin when that is smaller (编辑距离).",
  })
  distance!: number;
}

@ObjectType({
  description: "What a name names, or the closest names when it names nothing (名称查询).",
})
export class NameLookup {
  @Field(() => String, { description: "The name as asked (查询名称)." })
  name!: string;

  @Field(() => [EntityInterface], {
    description: "The entities the name names, as resolve finds them (匹配实体).",
  })
  matches!: EntityRecord[];

  @Field(() => [NameSuggestion], {
    description:
      "When nothing matches: the closest names, nearest first; empty when something matches (建议).",
  })
  suggestions!: NameSuggestion[];
}
