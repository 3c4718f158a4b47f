UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
// Rows only for the entities seed-entities wrote: a curated one keeps the forms a curator gave it.
MERGE (f:NameForm {key: row.key})
MERGE (f)-[r:NAMES]->(n)
// How the form names the entity (name, later, pinyin): resolve tries them in that order.
SET r.via = row.via
RETURN count(f) AS count
