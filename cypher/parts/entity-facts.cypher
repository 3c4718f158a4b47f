//#uses n
// The numbers stated about entity n, as `facts`: every version of each key (a later document may
// state a key again with a new value, docs/ingestion.md "Dates"), each with the date of the
// document that states it as `statedOn`, read here from the Document node so it cannot drift from
// it; by key, then oldest first (undated first), so the service picks the latest by taking the last.
CALL (n) {
  OPTIONAL MATCH (n)-[:HAS_FACT]->(f:Fact)-[:STATED_IN]->(p:Passage)
  OPTIONAL MATCH (d:Document {id: p.documentId})
  WITH f, p, d.date AS statedOn
  ORDER BY f.key, statedOn IS NOT NULL, statedOn, f.id
  RETURN collect(f {.key, .label, .value, .unit, .qualifier, statedOn: statedOn, evidence: p {passageId: p.id, .documentId, .start, .end, quote: p.text}}) AS facts
}
