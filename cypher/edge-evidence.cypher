// The evidence of edges read without it (views, paths, chains): an edge id is source|TYPE|target,
// so each relationship is found from its endpoints through the entity id index.
UNWIND $ids AS id
WITH id, split(id, '|') AS parts
MATCH (a:Entity {id: parts[0]})-[r]->(b:Entity {id: parts[2]})
WHERE type(r) = parts[1]
RETURN id, r.evidence AS evidence, r.quotes AS quotes
