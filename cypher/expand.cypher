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
// A link's evidence is in its own properties (passage ids and quotes). The other end's entity record, as entities-by-ids.cypher gives it, so a walk needs no separate
// round trip to show its nodes.
CALL (m) {
  OPTIONAL MATCH (m)-[:MENTIONED_IN]->(p:Passage)
  WITH p
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text}) AS mentions
}
CALL (m) {
  OPTIONAL MATCH (m)-[:HAS_FACT]->(f:Fact)-[:STATED_IN]->(p:Passage)
  WITH f, p
  ORDER BY f.key
  RETURN collect(f {.key, .label, .value, .unit, .qualifier, evidence: p {passageId: p.id, .documentId, .start, .end, quote: p.text}}) AS facts
}
RETURN n.id AS fromId, m.id AS otherId, startNode(r) = n AS outgoing, type(r) AS type,
  properties(r) AS props,
  m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS other,
  mentions, facts
