UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $direction IN ['OUT', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE $direction IN ['IN', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m
}
WITH n, r, m
ORDER BY n.id, type(r), m.id
LIMIT toInteger($limit)
CALL (r) {
  OPTIONAL MATCH (p:Passage)
  WHERE p.id IN r.evidence
  WITH p
  ORDER BY p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text}) AS evidence
}
RETURN n.id AS fromId, m.id AS otherId, startNode(r) = n AS outgoing, type(r) AS type,
  properties(r) AS props, evidence
