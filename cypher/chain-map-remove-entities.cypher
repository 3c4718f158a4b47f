// Removes a batch of a chain map's entities that it no longer lists, with their links and the
// name forms only they bore. One that another source links (a curator, the documents, another
// chain map) stays, no longer owned, losing only this chain map's links. Returns how many were
// removed. Every link of this chain map that touches these entities goes here, so the service
// removes separately only links between entities that stay.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.importSet = $importSet
WITH n, EXISTS {
  (n)-[r]-(:Entity)
  WHERE r.importSet IS NULL OR r.importSet <> $importSet
} AS linked
CALL (n, linked) {
  WITH n
  WHERE linked
  OPTIONAL MATCH (n)-[r]-(:Entity)
  WHERE r.importSet = $importSet
  DELETE r
  REMOVE n.importSet
}
WITH n
WHERE n.importSet IS NOT NULL
OPTIONAL MATCH (f:NameForm)-[:NAMES]->(n)
WITH n, collect(f) AS forms
DETACH DELETE n
WITH forms
CALL (forms) {
  UNWIND forms AS f
  WITH f
  WHERE NOT EXISTS { (f)-[:NAMES]->() }
  DELETE f
}
RETURN count(*) AS removed
