UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MATCH (p:Passage {id: row.passageId})
MERGE (n)-[:MENTIONED_IN]->(p)
RETURN count(p) AS count
