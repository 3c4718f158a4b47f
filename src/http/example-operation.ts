/**
 * The operation the query editors open with (Apollo Sandbox at GET /graphql, GraphiQL at
 * /graphiql/): a first look at the graph. No imports: the GraphiQL page bundles this file too.
 */
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
