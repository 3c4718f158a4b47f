UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(p:Passage)
  WITH p, m
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text, mentionKind: coalesce(m.kind, 'curated')}) AS evidence
}
CALL (n) {
  OPTIONAL MATCH (n)-[:HAS_FACT]->(f:Fact)-[:STATED_IN]->(p:Passage)
  WITH f, p
  ORDER BY f.key
  RETURN collect(f {.key, .label, .value, .unit, .qualifier, evidence: p {passageId: p.id, .documentId, .start, .end, quote: p.text}}) AS facts
}
RETURN n __ENTITY__ AS entity, evidence, facts, n.laterNames AS laterNames
