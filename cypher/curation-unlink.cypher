MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
WITH r, properties(r) AS before
DELETE r
RETURN before
