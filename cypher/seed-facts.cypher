UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MATCH (p:Passage {id: row.passageId})
MERGE (f:Fact {id: row.id})
SET f += row.props
MERGE (n)-[:HAS_FACT]->(f)
MERGE (f)-[:STATED_IN]->(p)
RETURN count(f) AS count
