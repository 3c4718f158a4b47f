// Sort keys (relation-sort-indexes.cypher) for the relationships of the vocabulary's types that
// have none: those a service without sort keys wrote. One pass over the relationships, committed
// in batches, so it must run as an auto-commit transaction (Database.maintenance).
MATCH (s:Entity)-[r:$any($types)]->(t:Entity)
WHERE r.outKey IS NULL
CALL (s, r, t) {
  SET r.outKey = s.id + '\u0001' + t.name + '\u0001' + t.id,
    r.inKey = t.id + '\u0001' + s.name + '\u0001' + s.id
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(r) AS count
