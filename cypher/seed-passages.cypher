UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MERGE (p:Passage {id: row.id})
SET p += row.props
MERGE (p)-[:IN_DOCUMENT]->(d)
RETURN count(p) AS count
