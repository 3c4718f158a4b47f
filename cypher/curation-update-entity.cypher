MATCH (n:Entity {id: $id})
SET n += $props
WITH n
// Name forms follow the entity's names: drop the ones it no longer bears, add the new ones.
CALL (n) {
  MATCH (f:NameForm)-[r:NAMES]->(n)
  WHERE NOT f.key IN $nameKeys
  DELETE r
  WITH f
  WHERE NOT EXISTS { (f)-[:NAMES]->() }
  DELETE f
}
WITH n
UNWIND $nameKeys AS key
MERGE (f:NameForm {key: key})
MERGE (f)-[:NAMES]->(n)
RETURN count(f) AS nameForms
