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
    props: properties(r),
    evidence: COLLECT {
      MATCH (e:Passage)
      WHERE e.id IN r.evidence
      RETURN e {passageId: e.id, .documentId, .start, .end, quote: e.text}
      ORDER BY e.start
    }
  }] AS hops
