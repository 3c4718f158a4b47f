import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Size of the knowledge graph (知识图谱规模)." })
export class GraphStats {
  @Field(() => Int, { description: "Number of entities (实体数)." })
  entities!: number;

  @Field(() => Int, { description: "Number of relationships between entities (关系数)." })
  relationships!: number;

  @Field(() => Int, { description: "Number of source documents (来源文献数)." })
  documents!: number;
}
