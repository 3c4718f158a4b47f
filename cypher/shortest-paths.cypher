// Both ends (null when an id names no entity, so the service can say which) and the shortest paths
// between them, each with its entities as records without passages and facts: one round trip.
// The registry writes the hop bound in place of __HOPS__ (1 to 6): with the pattern's bound at 6
// and maxHops as a filter afterwards, the search ran six hops whenever the ends were further
// apart than maxHops (30 s and more on a graph of a million entities). ALL SHORTEST with a WHERE
// on the length stops at the bound too, but took twice as long between hubs.
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[*..__HOPS__]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) IN $types)
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
}
RETURN a __ENTITY__ AS from,
  b __ENTITY__ AS to,
  paths
