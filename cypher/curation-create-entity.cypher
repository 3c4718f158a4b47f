CREATE (n:Entity {id: $id})
SET n += $props
SET n:$($kind)
WITH n
UNWIND $nameKeys AS key
MERGE (f:NameForm {key: key})
MERGE (f)-[:NAMES]->(n)
RETURN count(f) AS nameForms
