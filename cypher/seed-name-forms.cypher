UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
WHERE NOT coalesce(n.curated, false)
MERGE (f:NameForm {key: row.key})
MERGE (f)-[r:NAMES]->(n)
// How the form names the entity (name, later, pinyin): resolve tries them in that order.
SET r.via = row.via
RETURN count(f) AS count
