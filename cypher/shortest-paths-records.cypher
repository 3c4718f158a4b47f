// The records of the paths found past hubs (src/repositories/hub-path-search.ts), which searched
// with ids only: each entity without passages and facts, and each link as [its element id, the hop
// as shortest-paths.cypher gives it].
CALL () {
  UNWIND $nodeIds AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n __ENTITY__) AS nodes
}
CALL () {
  UNWIND $linkIds AS linkId
  MATCH ()-[r]->()
  WHERE elementId(r) = linkId
  RETURN collect([linkId,
    //#include path-hop
  ]) AS hops
}
RETURN nodes, hops
