// Entities one of whose pinyin keys (NameForm via 'pinyin') starts with a prefix, through the
// NameForm key index: lookup's suggestions for partial pinyin (shuangliu → 双流县). For each
// prefix at most $limit, those with the shortest matching key first, each with its matching keys.
UNWIND $prefixes AS prefix
CALL (prefix) {
  MATCH (f:NameForm)
  WHERE f.key STARTS WITH prefix
  MATCH (f)-[r:NAMES]->(n:Entity)
  WHERE r.via = 'pinyin'
  WITH n, collect(f.key) AS keys
  WITH n, keys, reduce(shortest = 1000000, key IN keys | CASE WHEN size(key) < shortest THEN size(key) ELSE shortest END) AS shortest
  ORDER BY shortest, n.id
  LIMIT toInteger($limit)
  RETURN n, keys
}
RETURN prefix, keys, n __ENTITY__ AS entity, n.laterNames AS laterNames
