MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(r IN relationships(p) WHERE type(r) IN $types)
WITH p
LIMIT toInteger($limit)
RETURN [n IN nodes(p) | n.id] AS nodeIds,
  [r IN relationships(p) | {
    source: startNode(r).id,
    target: endNode(r).id,
    type: type(r),
    // Without quotes: the evidence loader reads them if a query asks.
    props: r {.id, .evidenceKind, .confidence}
  }] AS hops
