UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MERGE (f:NameForm {key: row.key})
MERGE (f)-[:NAMES]->(n)
RETURN count(f) AS count
