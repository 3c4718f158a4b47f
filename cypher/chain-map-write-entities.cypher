// Creates or updates a batch of a chain map's own entities, with their name forms (as curation
// writes them: stale forms dropped, new ones added).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.props
SET n:$(row.kind)
WITH n, row
CALL (n, row) {
  MATCH (f:NameForm)-[r:NAMES]->(n)
  WHERE NOT f.key IN [form IN row.nameForms | form.key]
  DELETE r
  WITH f
  WHERE NOT EXISTS { (f)-[:NAMES]->() }
  DELETE f
}
WITH n, row
CALL (n, row) {
  UNWIND row.nameForms AS form
  MERGE (f:NameForm {key: form.key})
  MERGE (f)-[r:NAMES]->(n)
  SET r.via = form.via
}
RETURN count(n) AS written
