UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(p:Passage)
  WITH p, m
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text, mentionKind: coalesce(m.kind, 'curated')}) AS evidence
}
//#include entity-facts
RETURN n __ENTITY__ AS entity, evidence, facts, n.laterNames AS laterNames
