UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.props
SET n:$(row.kind)
WITH n, row
// A kind that changed between seedings must not leave its old label behind.
REMOVE n:$([label IN labels(n) WHERE label <> 'Entity' AND label <> row.kind])
RETURN count(n) AS count
