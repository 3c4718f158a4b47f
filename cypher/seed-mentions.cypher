UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MATCH (p:Passage {id: row.passageId})
MERGE (n)-[m:MENTIONED_IN]->(p)
// curated: a quote the seeds (or a curator) give; automatic: a name form found in the text.
SET m.kind = row.kind
RETURN count(p) AS count
