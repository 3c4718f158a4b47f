// The passages that name each entity, the numbers stated about it and its later names (outside
// knowledge, a JSON list), for the entities whose records were read without them (walks, lists,
// relationship fields).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(p:Passage)
  WITH p, m
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text, mentionKind: coalesce(m.kind, 'curated')}) AS evidence
}
//#include entity-facts
RETURN n.id AS id, evidence, facts, n.laterNames AS laterNames
