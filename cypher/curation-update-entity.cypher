MATCH (n:Entity {id: $id})
SET n += $props
WITH n
// Name forms follow the entity's names: drop the ones it no longer bears, add the new ones.
CALL (n) {
  MATCH (f:NameForm)-[r:NAMES]->(n)
  WHERE NOT f.key IN [form IN $nameForms | form.key]
  DELETE r
  WITH f
  WHERE NOT EXISTS { (f)-[:NAMES]->() }
  DELETE f
}
WITH n
UNWIND $nameForms AS form
MERGE (f:NameForm {key: form.key})
MERGE (f)-[r:NAMES]->(n)
// How the form names the entity (name, later, pinyin), as seeding writes it.
SET r.via = form.via
RETURN count(f) AS nameForms
