import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";

/** The operation Apollo Sandbox and GraphiQL open with: a first look at the graph. */
export const EXAMPLE_OPERATION = `# A first query: which institutes did 电子科大 co-build, and where does the text say so?
query FirstLook {
  resolve(name: "电子科大") {
    id
    name
    nameEn
    ... on University {
      coBuiltInstitutes(first: 10) {
        node {
          name
          nameEn
        }
        evidence {
          quote
        }
      }
    }
  }
}
`;

/**
 * The page a browser gets at GET /graphql: Apollo Sandbox with the example operation, or nothing
 * when the query editors are off.
 */
export function landingPagePlugin<C extends object>(enabled: boolean): ApolloServerPlugin<C> {
  if (!enabled) return ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<C>;
  return ApolloServerPluginLandingPageLocalDefault({
    footer: false,
    document: EXAMPLE_OPERATION,
  }) as ApolloServerPlugin<C>;
}
