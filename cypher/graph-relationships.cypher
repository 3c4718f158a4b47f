MATCH (a)-[r]->(b)
RETURN coalesce(a.id, a.key) AS source, type(r) AS type, coalesce(b.id, b.key) AS target, properties(r) AS props,
  labels(a) AS sourceLabels, labels(b) AS targetLabels
