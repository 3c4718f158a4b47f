// Every entity a normalised name form names, with how it names it (name, later, pinyin: absent is
// name) and its record as entities-by-ids.cypher reads it: resolving a name is one round trip.
UNWIND $keys AS key
MATCH (:NameForm {key: key})-[r:NAMES]->(n:Entity)
WITH key, n, coalesce(r.via, 'name') AS via
CALL (n) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(p:Passage)
  WITH p, m
  ORDER BY p.documentId, p.start
  RETURN collect(p {passageId: p.id, .documentId, .start, .end, quote: p.text, mentionKind: coalesce(m.kind, 'curated')}) AS evidence
}
//#include entity-facts
RETURN key, via, n __ENTITY__ AS entity, evidence, facts, n.laterNames AS laterNames
ORDER BY key, n.id
