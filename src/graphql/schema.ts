import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { EntityResolver, RelationResolver } from "./entity.resolver";
import { KIND_TYPES } from "./entity.type";
import { StatsResolver } from "./stats.resolver";

export const RESOLVERS = [EntityResolver, RelationResolver, StatsResolver] as const;

/** Builds the GraphQL schema from the type-graphql classes. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Every kind's object type, even one no field returns by name, so Entity can resolve to it.
    orphanedTypes: Object.values(KIND_TYPES),
    validate: false,
    emitSchemaFile: false,
  });
}
