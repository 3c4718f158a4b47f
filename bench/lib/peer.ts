import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { ENTITY_KINDS } from "../../src/model/vocabulary";

const ENTITY_FIELDS = `id: ID!
  kind: String!
  name: String!
  nameEn: String
  nameInferred: Boolean
  aliases: [String!]`;

/** Relationship fields the benchmarked peer operations follow, named as our typed fields are. */
const RELATIONSHIP_FIELDS: Partial<Record<(typeof ENTITY_KINDS)[number], string>> = {
  District: `coBuilt: [Entity!]! @relationship(type: "CO_BUILT", direction: OUT)`,
  ResearchInstitute: `university: [University!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
  coBuilders: [Entity!]! @relationship(type: "CO_BUILT", direction: IN)`,
};

/**
 * Type definitions for @neo4j/graphql 7 describing the same graph our service reads: every node is
 * `Entity` plus its kind label, name forms are `NameForm` nodes, and the full-text index
 * `entity_names` is exposed through a plain `Entity`-labelled type (the index is on that label).
 */
export function peerTypeDefs(): string {
  const kinds = ENTITY_KINDS.map(
    (kind) => `type ${kind} implements Entity @node(labels: ["${kind}", "Entity"]) {
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS[kind] ?? ""}
}`,
  );
  return `interface Entity {
  ${ENTITY_FIELDS}
}
${kinds.join("\n")}
type AnyEntity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchNames", fields: ["name", "nameEn", "aliasText"] }]) {
  ${ENTITY_FIELDS}
  aliasText: String
}
type NameForm @node(labels: ["NameForm"]) {
  key: String!
  names: [Entity!]! @relationship(type: "NAMES", direction: OUT)
}
`;
}

export async function peerSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver }).getSchema();
}
