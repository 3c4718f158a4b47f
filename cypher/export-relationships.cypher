// Every relationship between two entities, with its stored fields.
MATCH (s:Entity)-[r]->(t:Entity)
RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props
ORDER BY source, type, target
