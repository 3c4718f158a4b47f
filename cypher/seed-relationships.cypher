UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r += row.props
RETURN count(r) AS count
