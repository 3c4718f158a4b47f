// Sort keys (relation-sort-indexes.cypher) for up to $batch relationships of the vocabulary's
// types that have none: those a service without sort keys wrote. Run until it counts 0.
MATCH (s:Entity)-[r:$any($types)]->(t:Entity)
WHERE r.outKey IS NULL
WITH s, r, t
LIMIT toInteger($batch)
SET r.outKey = s.id + '\u0001' + t.name + '\u0001' + t.id,
  r.inKey = t.id + '\u0001' + s.name + '\u0001' + s.id
RETURN count(r) AS count
