// Every document, for an export to files (documents.json and documents/*).
MATCH (d:Document)
RETURN properties(d) AS props
ORDER BY d.id
