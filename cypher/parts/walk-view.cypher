//#uses walk
// The view a walk (neighborhood.cypher, neighborhood-hubs.cypher) ends with: its entities as
// records, and its edges, only between entities of the view.
RETURN walk.hub AS hub,
  [n IN walk.nodes | n __ENTITY__] AS nodes,
  // Without their quotes: a view shows many edges, and the evidence loader reads them if asked.
  [hop IN walk.hops WHERE hop.otherId IN walk.seen | {
    type: type(hop.r), source: startNode(hop.r).id, target: endNode(hop.r).id,
    props: {id: hop.r.id, evidenceKind: hop.r.evidenceKind, confidence: hop.r.confidence,
      citation: hop.r.citation}
  }] AS edges,
  walk.truncated AS truncated
