// Every relationship, for a logical backup: its ends by their identity in this store.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS source, type(r) AS type, elementId(b) AS target, properties(r) AS props
