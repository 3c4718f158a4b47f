//#uses p, $limit
// The answer of a shortest-path search (shortest-paths.cypher): at
// most $limit paths, each with its entities as records without passages and facts, and its hops.
WITH p
LIMIT toInteger($limit)
RETURN collect({
  nodes: [n IN nodes(p) | n __ENTITY__],
  hops: [r IN relationships(p) | {
    source: startNode(r).id,
    target: endNode(r).id,
    type: type(r),
    // Without quotes: the evidence loader reads them if a query asks.
    props: r {.id, .evidenceKind, .confidence, .citation}
  }]
}) AS paths
