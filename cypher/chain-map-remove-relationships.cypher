// Removes a batch of a chain map's relationships; one that another source owns is left alone.
UNWIND $keys AS key
MATCH (s:Entity {id: key.source})-[r:$(key.type)]->(t:Entity {id: key.target})
WHERE r.importSet = $importSet
DELETE r
RETURN count(*) AS removed
