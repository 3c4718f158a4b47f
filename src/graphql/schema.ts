import { buildSchema } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import type { GraphQLSchema } from "graphql";
import { ChainResolver } from "./chain.resolver";
import { ChainMapResolver, ChainMapSegmentResolver } from "./chain-map.resolver";
import { CurationResolver } from "./curation.resolver";
import { CandidateEndResolver, IngestResolver } from "./ingest.resolver";
import { EntityResolver, RelationResolver } from "./entity.resolver";
import { KIND_TYPES } from "./entity.type";
import { createKindListResolvers, EntityConnectionResolver, ListResolver } from "./list.resolver";
import { RelationCountResolver } from "./relation-count.resolver";
import {
  createRelationFieldResolvers,
  resolveRelationFieldsDirectly,
} from "./relation-fields.resolver";
import { StatsResolver } from "./stats.resolver";
import {
  EvidenceResolver,
  GraphEdgeResolver,
  GraphNodeResolver,
  TraversalResolver,
} from "./traversal.resolver";
import { VocabularyResolver } from "./vocabulary.resolver";

let built: Promise<GraphQLSchema> | undefined;

/**
 * Builds the GraphQL schema from the type-graphql classes, once per process: type-graphql keeps its
 * metadata globally, so the generated relation-field resolvers must be created only once too.
 */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      EntityResolver,
      RelationResolver,
      RelationCountResolver,
      StatsResolver,
      TraversalResolver,
      GraphEdgeResolver,
      GraphNodeResolver,
      EvidenceResolver,
      VocabularyResolver,
      ListResolver,
      EntityConnectionResolver,
      ChainResolver,
      ChainMapResolver,
      ChainMapSegmentResolver,
      CurationResolver,
      IngestResolver,
      CandidateEndResolver,
      ...createKindListResolvers(),
      ...createRelationFieldResolvers(),
    ],
    // Every kind's object type, even one no field returns by name, so Entity can resolve to it.
    orphanedTypes: Object.values(KIND_TYPES),
    authChecker,
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    resolveRelationFieldsDirectly(schema);
    return schema;
  });
  return built;
}
