UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.props
SET n:$(row.kind)
RETURN count(n) AS count
