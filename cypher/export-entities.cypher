// Every entity's stored fields, for an export to files.
MATCH (n:Entity)
RETURN properties(n) AS props
ORDER BY n.id
