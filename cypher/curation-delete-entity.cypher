MATCH (n:Entity {id: $id})
OPTIONAL MATCH (f:NameForm)-[:NAMES]->(n)
WITH n, collect(f) AS forms, COUNT { (n)-[]-(:Entity) } AS removed
DETACH DELETE n
WITH forms, removed
UNWIND (CASE WHEN size(forms) = 0 THEN [null] ELSE forms END) AS f
WITH f, removed
WHERE f IS NULL OR NOT EXISTS { (f)-[:NAMES]->() }
DETACH DELETE f
RETURN DISTINCT removed
