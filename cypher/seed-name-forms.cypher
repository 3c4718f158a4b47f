UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
WHERE NOT coalesce(n.curated, false)
MERGE (f:NameForm {key: row.key})
MERGE (f)-[:NAMES]->(n)
RETURN count(f) AS count
