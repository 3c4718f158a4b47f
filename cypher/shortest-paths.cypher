// Both ends (null when an id names no entity, so the service can say which) and the shortest paths
// between them, each with its entities as records without passages and facts: one round trip.
// The registry writes the hop bound in place of __HOPS__ (1 to 6): with the pattern's bound at 6
// and maxHops as a filter afterwards, the search ran six hops whenever the ends were further
// apart than maxHops (30 s and more on a graph of a million entities). ALL SHORTEST with a WHERE
// on the length stops at the bound too, but took twice as long between hubs.
// An end with more than $bound links of the vocabulary's types (read from the degree store, one
// number per type, not by walking its links) is a hub: then this query searches nothing and says so (fromHub, toHub), and
// the repository searches through the hub's first links only (src/repositories/hub-path-search.ts).
// $hiddenEntities and $hiddenRels (empty but as of a day: not-stated-by.cypher) are left out inside
// the search, so a shortest path that avoids them is found even when it is longer.
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
WITH a, b,
  COUNT { (a)-[:
    //#each-type |
__TYPE__
    //#end-each-type
  ]-() } > $bound AS fromHub,
  COUNT { (b)-[:
    //#each-type |
__TYPE__
    //#end-each-type
  ]-() } > $bound AS toHub
CALL (a, b, fromHub, toHub) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND NOT fromHub AND NOT toHub
  MATCH p = allShortestPaths((a)-[*..__HOPS__]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) IN $types
      AND (size($hiddenRels) = 0
        OR NOT coalesce(r.id, startNode(r).id + '|' + type(r) + '|' + endNode(r).id) IN $hiddenRels))
    AND all(n IN nodes(p) WHERE size($hiddenEntities) = 0 OR NOT n.id IN $hiddenEntities)
  // At most $limit paths, each with its entities as records without passages and facts, and its
  // hops as the search past hubs gives them too (shortest-paths-records.cypher).
  WITH p
  LIMIT toInteger($limit)
  RETURN collect({
    nodes: [n IN nodes(p) | n __ENTITY__],
    hops: [r IN relationships(p) |
      //#include path-hop
    ]
  }) AS paths
}
RETURN a __ENTITY__ AS from,
  b __ENTITY__ AS to,
  paths,
  fromHub,
  toHub
