// Both ends (null when an id names no entity, so the service can say which) and the shortest paths
// between them, each with its entities as records without passages and facts: one round trip.
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[*..6]-(b))
  WHERE length(p) <= $maxHops
    AND all(r IN relationships(p) WHERE type(r) IN $types)
  WITH p
  LIMIT toInteger($limit)
  RETURN collect({
    nodes: [n IN nodes(p) | n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}],
    hops: [r IN relationships(p) | {
      source: startNode(r).id,
      target: endNode(r).id,
      type: type(r),
      // Without quotes: the evidence loader reads them if a query asks.
      props: r {.id, .evidenceKind, .confidence}
    }]
  }) AS paths
}
RETURN a {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS from,
  b {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS to,
  paths
