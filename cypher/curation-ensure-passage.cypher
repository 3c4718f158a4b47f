MATCH (d:Document {id: $documentId})
MERGE (p:Passage {id: $passageId})
ON CREATE SET p += $props
MERGE (p)-[:IN_DOCUMENT]->(d)
RETURN p.id AS passageId
