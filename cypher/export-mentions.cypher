// Every passage that names an entity, with how (curated, automatic, or none: a curator attached it).
MATCH (n:Entity)-[m:MENTIONED_IN]->(p:Passage)
RETURN n.id AS entityId, m.kind AS kind, p.documentId AS doc, p.start AS start, p.text AS quote
ORDER BY entityId, doc, start, quote
