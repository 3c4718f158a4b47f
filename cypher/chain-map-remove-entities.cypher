// Removes a batch of a chain map's entities that it no longer lists, with the name forms only they
// bore, unless something else links them (a curator's link, another chain map's): those stay, no
// longer owned. Returns how many were removed.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.importSet = $importSet
WITH n, EXISTS { (n)--(:Entity) } AS linked
FOREACH (_ IN CASE WHEN linked THEN [1] ELSE [] END | REMOVE n.importSet)
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
