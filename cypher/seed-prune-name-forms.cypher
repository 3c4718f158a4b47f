UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
// A name form the seeds no longer give this entity stops naming it; a form naming nothing goes.
MATCH (f:NameForm)-[r:NAMES]->(n)
WHERE NOT f.key IN row.keys
DELETE r
WITH f
WHERE NOT EXISTS { (f)-[:NAMES]->() }
DELETE f
RETURN count(*) AS pruned
