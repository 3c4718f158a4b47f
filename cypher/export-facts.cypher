// Every number stated about an entity, with the passage stating it.
MATCH (n:Entity)-[:HAS_FACT]->(f:Fact)-[:STATED_IN]->(p:Passage)
RETURN n.id AS entityId, properties(f) AS props, p.documentId AS doc, p.start AS start
ORDER BY entityId, f.id
