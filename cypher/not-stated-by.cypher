// What no document had stated by $asOf (YYYY-MM-DD), for queries that look at the graph as of a
// day: the entities every dated mention of which is in a document dated after it, and the
// relationships every dated evidence passage of which is. An entity or relationship without
// dated evidence (a curator's note, an imported row) is stated by any day and is not listed.
// Only documents dated after $asOf can introduce anything, so with none (the usual case: a day
// after the latest document) nothing is scanned; otherwise the relationships are scanned once, with
// a cheap test on their passage ids (document id, colon, offsets) before reading any date.
MATCH (d:Document)
WHERE d.date > $asOf
WITH collect(d.id) AS later
CALL (later) {
  UNWIND later AS docId
  MATCH (p:Passage {documentId: docId})<-[:MENTIONED_IN]-(n:Entity)
  WITH DISTINCT n
  WHERE NOT EXISTS {
    MATCH (n)-[:MENTIONED_IN]->(q:Passage)
    MATCH (e:Document {id: q.documentId})
    WHERE e.date <= $asOf
  }
  RETURN collect(n.id) AS entities, sum(COUNT { (n)--(:Entity) }) AS touching
}
CALL (later) {
  WITH later
  WHERE size(later) > 0
  MATCH (s:Entity)-[r]->(t:Entity)
  WHERE any(e IN coalesce(r.evidence, []) WHERE split(e, ':')[0] IN later)
  WITH s, r, t, COLLECT {
    MATCH (p:Passage)
    WHERE p.id IN r.evidence
    MATCH (e:Document {id: p.documentId})
    WHERE e.date IS NOT NULL
    RETURN e.date
  } AS dates
  WHERE all(date IN dates WHERE date > $asOf)
  RETURN collect(coalesce(r.id, s.id + '|' + type(r) + '|' + t.id)) AS relationships
}
RETURN entities, relationships, touching
