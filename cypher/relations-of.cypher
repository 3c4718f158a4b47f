UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
CALL (n, key) {
  MATCH (n)-[r]->(m:Entity)
  WHERE key.direction = 'OUT' AND (key.type IS NULL OR type(r) = key.type)
  RETURN r, m, 'OUT' AS direction
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE key.direction = 'IN' AND (key.type IS NULL OR type(r) = key.type)
  RETURN r, m, 'IN' AS direction
}
WITH key, r, m, direction
ORDER BY m.name, m.id
WITH key, collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
UNWIND links AS link
WITH key, link.r AS r, link.m AS m, link.direction AS direction
CALL (r) {
  OPTIONAL MATCH (p:Passage)
  WHERE p.id IN r.evidence
  WITH p
  ORDER BY p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text}) AS evidence
}
RETURN key.index AS keyIndex, key.id AS keyId,
  type(r) AS type, direction, properties(r) AS props, m.id AS otherId, m.kind AS otherKind, evidence
