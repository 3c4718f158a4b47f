CREATE (n:Entity {id: $id})
SET n += $props
SET n:$($kind)
WITH n
UNWIND $nameForms AS form
MERGE (f:NameForm {key: form.key})
MERGE (f)-[r:NAMES]->(n)
// How the form names the entity (name, later, pinyin), as seeding writes it.
SET r.via = form.via
RETURN count(f) AS nameForms
