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
// The entity at the other end comes along, as entities-by-ids.cypher reads it, so a field such
// as University.coBuiltInstitutes { node { name } } costs one round trip, not two. The link's own
// evidence is rebuilt from its properties (passage ids and quotes).
CALL (m) {
  OPTIONAL MATCH (m)-[:MENTIONED_IN]->(p:Passage)
  WITH p
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text}) AS otherEvidence
}
CALL (m) {
  OPTIONAL MATCH (m)-[:HAS_FACT]->(f:Fact)-[:STATED_IN]->(p:Passage)
  WITH f, p
  ORDER BY f.key
  RETURN collect(f {.key, .label, .value, .unit, .qualifier, evidence: p {passageId: p.id, .documentId, .start, .end, quote: p.text}}) AS otherFacts
}
RETURN key.index AS keyIndex, key.id AS keyId,
  type(r) AS type, direction, properties(r) AS props, m.id AS otherId, m.kind AS otherKind,
  m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS otherEntity,
  otherEvidence, otherFacts
