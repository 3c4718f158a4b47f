// Removes a batch of a chain map's relationships; one that another source owns is left alone.
// Each key starts from its source's id (an index seek) and filters that entity's few links by
// type: a pattern with a dynamic type over both ends planned far slower (bench:import).
UNWIND $keys AS key
MATCH (s:Entity {id: key.source})-[r]->(t:Entity)
WHERE t.id = key.target AND type(r) = key.type AND r.importSet = $importSet
DELETE r
RETURN count(*) AS removed
