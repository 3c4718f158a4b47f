UNWIND $rows AS row
// A relationship a curator removed is not brought back by seeding.
OPTIONAL MATCH (tomb:Tombstone {id: row.props.id})
WITH row
WHERE tomb IS NULL
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r += row.props
RETURN count(r) AS count
