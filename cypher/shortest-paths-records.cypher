// The records of the paths found past hubs (src/repositories/hub-path-search.ts), which searched
// with ids only: each entity without passages and facts, and each link as path-records gives it.
CALL () {
  UNWIND $nodeIds AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n __ENTITY__) AS nodes
}
CALL () {
  UNWIND $linkIds AS linkId
  MATCH ()-[r]->()
  WHERE elementId(r) = linkId
  RETURN collect({
    link: linkId,
    source: startNode(r).id,
    target: endNode(r).id,
    type: type(r),
    // Without quotes: the evidence loader reads them if a query asks.
    props: r {.id, .evidenceKind, .confidence, .citation}
  }) AS hops
}
RETURN nodes, hops
