import type { ApolloServer } from "@apollo/server";
import type { DocumentNode } from "graphql";
import gql from "graphql-tag";
import { EXAMPLE_OPERATION } from "../http/example-operation";
import type { Logger } from "../logger";
import { RELATION_TYPES } from "../model/vocabulary";
import type { Context } from "./context";

/**
 * Operations run once at start so that Neo4j has planned the queries behind them before the first
 * user asks: the first request of a query shape otherwise waits for Neo4j to plan the large
 * generated queries (`npm run bench:first` measures it; see bench/RESULTS.md). They cover
 * each entry point and the typed, untyped and read-ahead relationship paths, with parameters of
 * the sizes users send (Neo4j plans again for very different string lengths and list sizes).
 * Written with graphql-tag, so an operation that does not parse fails when the module loads.
 */
export const WARM_UP_OPERATIONS: readonly DocumentNode[] = [
  // The operation the query editors open with, as a first user runs it.
  gql(EXAMPLE_OPERATION),
  gql`
    {
      resolve(name: "双流县") {
        id
        kind
        ... on District {
          coBuilt {
            node {
              name
            }
            evidence {
              quote
            }
          }
        }
      }
    }
  `,
  gql`
    {
      entity(id: "shuangliu-county") {
        id
        name
        evidence {
          quote
          documentTitle
          context {
            text
          }
        }
        facts {
          key
          value
        }
        relations(first: 20) {
          type
          direction
          node {
            id
            name
          }
        }
      }
    }
  `,
  gql`
    {
      districts(first: 20) {
        totalCount
        nodes {
          id
          name
          ... on District {
            coBuilt(first: 5) {
              node {
                id
                name
                ... on ResearchInstitute {
                  coBuilders(first: 5) {
                    node {
                      id
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  gql`
    {
      universities(first: 10, orderBy: { field: NAME, direction: DESC }) {
        edges {
          cursor
          node {
            id
            name
          }
        }
      }
    }
  `,
  gql`
    {
      search(query: "电子科", first: 10) {
        totalCount
        edges {
          score
          node {
            id
            kind
            name
            nameEn
            aliases
          }
        }
      }
    }
  `,
  gql`
    {
      search(query: "research institute", first: 3) {
        totalCount
        edges {
          node {
            name
          }
        }
      }
    }
  `,
  gql`
    {
      neighborhood(id: "jinjiang-district", depth: 1) {
        nodes {
          id
          kind
          name
          nameEn
          depth
          degree
          hasMore
        }
        edges {
          id
          type
          source
          target
          evidenceKind
          confidence
          evidence {
            quote
          }
        }
        truncated
      }
    }
  `,
  gql`
    {
      neighborhood(id: "uestc-chengdu-research-institute", depth: 2, limit: 50) {
        nodes {
          id
          depth
        }
        edges {
          id
        }
      }
    }
  `,
  gql`
    {
      neighborhood(id: "chengdu", depth: 3, limit: 100) {
        nodes {
          id
        }
        edges {
          id
        }
        truncated
      }
    }
  `,
  gql`
    {
      neighborhood(id: "shuangliu-county", depth: 2, limit: 3) {
        nodes {
          id
        }
        truncated
      }
    }
  `,
  gql`
    {
      paths(fromId: "uestc", toId: "shuangliu-county", maxHops: 4) {
        length
        nodes {
          id
          name
          depth
        }
        hops {
          id
          type
          source
          target
          evidenceKind
          evidence {
            quote
          }
        }
      }
    }
  `,
  gql`
    {
      edge(id: "shuangliu-county|CO_BUILT|uestc-chengdu-research-institute") {
        id
        type
        evidence {
          quote
        }
      }
    }
  `,
  gql`
    {
      innovationChain(industryId: "industry-automobile") {
        industry {
          name
        }
        stages {
          key
          empty
          items {
            entity {
              id
              name
            }
            roles
            members {
              role
              entity {
                name
              }
            }
            via {
              type
              evidence {
                quote
              }
            }
          }
        }
      }
    }
  `,
  gql`
    {
      countsByKind {
        kind
        count
      }
      countsByDistrict {
        id
        name
      }
      countsByIndustry {
        id
        name
      }
      graphStats {
        entities
      }
    }
  `,
  gql`
    {
      vocabulary {
        kinds {
          kind
          en
          zh
        }
        relationTypes {
          type
          en
          zh
        }
      }
    }
  `,
  gql`
    {
      universities(first: 20) {
        nodes {
          id
          relationCount
          ... on University {
            coBuiltInstitutesCount
          }
        }
      }
    }
  `,
  gql`
    {
      lookup(name: "电子科技大") {
        matches {
          id
        }
        suggestions {
          nameForm
          entity {
            id
          }
        }
      }
    }
  `,
];

/**
 * Runs the warm-up operations, two at a time, through the whole stack (limits, resolvers,
 * loaders, Neo4j), as an anonymous reader would, then each relationship type's query. A failure
 * is logged and does not stop the start.
 * @returns how many answered without errors, and the time taken.
 */
export async function warmUp(
  apollo: ApolloServer<Context>,
  contextFor: (index: number) => Context,
  logger: Logger,
): Promise<{ operations: number; answered: number; ms: number }> {
  const started = performance.now();
  let answered = 0;
  const run = async (index: number, query: DocumentNode): Promise<void> => {
    try {
      const response = await apollo.executeOperation(
        { query },
        { contextValue: contextFor(index) },
      );
      const errors =
        response.body.kind === "single" ? response.body.singleResult.errors : undefined;
      if (errors === undefined) answered += 1;
      else logger.warn({ index, errors }, "a warm-up operation answered with errors");
    } catch (error) {
      logger.warn({ index, err: error }, "a warm-up operation failed");
    }
  };
  // Two at a time: Neo4j plans on one core while the other serves.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < WARM_UP_OPERATIONS.length) {
      const index = next++;
      const operation = WARM_UP_OPERATIONS[index];
      if (operation !== undefined) await run(index, operation);
    }
  };
  await Promise.all([lane(), lane()]);
  // Every relationship type has its own query text (its sort-key index is named in it): each is
  // planned once with one key, as a single field asks, and once with several, as a list does.
  try {
    const { graph } = contextFor(WARM_UP_OPERATIONS.length).services;
    await Promise.all(RELATION_TYPES.map((type) => graph.relations("uestc", [type], "OUT", 20)));
    const { graph: batched } = contextFor(WARM_UP_OPERATIONS.length + 1).services;
    await Promise.all(
      ["uestc", "uestc-chengdu-research-institute"].map((id) =>
        batched.relations(id, RELATION_TYPES, null, 20),
      ),
    );
  } catch (error) {
    logger.warn({ err: error }, "warming the relationship queries failed");
  }
  return { operations: WARM_UP_OPERATIONS.length, answered, ms: performance.now() - started };
}

/**
 * Plans the queries past hubs, after the service has started: the path search past hubs, then the
 * reads of a hub's relationships and counts. No warm-up operation reaches them on the seeded
 * graph, and a user's first one on a graph with hubs otherwise waits seconds for Neo4j to plan
 * them (some thirty queries for a path search; `npm run bench:first -- --hubs`). It runs in the
 * background, one query at a time, while the service answers; `stopped` ends it early. A failure
 * is logged and changes nothing.
 */
export async function warmUpHubQueries(
  context: Context,
  logger: Logger,
  stopped: () => boolean,
): Promise<void> {
  const parts = [
    {
      what: "the path search past hubs",
      plan: () => context.services.traversal.planHubSearch(stopped),
    },
    { what: "the reads of hubs", plan: () => context.services.graph.planHubReads(stopped) },
  ];
  for (const { what, plan } of parts) {
    if (stopped()) return;
    const started = performance.now();
    try {
      const queries = await plan();
      logger.info({ queries, ms: Math.round(performance.now() - started) }, `warmed ${what}`);
    } catch (error) {
      if (!stopped()) logger.warn({ err: error }, `warming ${what} failed`);
    }
  }
}
