MATCH (n:Entity)
WITH count(n) AS entities
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
WITH entities, count(r) AS relationships
OPTIONAL MATCH (d:Document)
RETURN entities, relationships, count(d) AS documents
