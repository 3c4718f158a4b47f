MATCH (n:Entity {id: $entityId})
MATCH (d:Document {id: $documentId})
MERGE (p:Passage {id: $passageId})
ON CREATE SET p += $props
MERGE (p)-[:IN_DOCUMENT]->(d)
MERGE (n)-[:MENTIONED_IN]->(p)
RETURN p.id AS passageId
