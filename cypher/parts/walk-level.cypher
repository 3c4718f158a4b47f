//#uses walk, m, r, $limit, $edgeCap
// One level of a breadth-first walk (neighborhood.cypher, neighborhood-hubs.cypher), from the
// level's links in walk order (`hops`: the other end's id and node, the relationship) to the walk
// after it: the entities the level reaches first, in the order it reaches them, once each, join
// while the view holds fewer than $limit; the level's links are kept for the view's edges. A
// level that hits $edgeCap or leaves an entity out marks the walk truncated. (hub stays false:
// neighborhood.cypher stops before a level with a hub.)
WITH collect({otherId: m.id, other: m, r: r}) AS hops
WITH hops, COLLECT {
  UNWIND range(0, size(hops) - 1) AS i
  WITH i, hops[i] AS hop
  WHERE NOT hop.otherId IN walk.seen
  WITH hop.otherId AS otherId, min(i) AS first, head(collect(hop.other)) AS other
  ORDER BY first
  RETURN {id: otherId, node: other}
} AS reached
WITH hops, [x IN reached | x.id] AS fresh, [x IN reached | x.node] AS freshNodes,
  toInteger($limit) - size(walk.seen) AS room
RETURN {
  seen: walk.seen + fresh[..room],
  nodes: walk.nodes + freshNodes[..room],
  hops: walk.hops + [hop IN hops | {otherId: hop.otherId, r: hop.r}],
  frontier: freshNodes[..room],
  truncated: size(hops) >= $edgeCap OR size(fresh) > room,
  hub: false
}
