MATCH (d:District)
CALL (d) {
  MATCH (n:Entity)-[:LOCATED_IN]->(d)
  RETURN n
  UNION
  MATCH (d)-[:CO_BUILT|DEVELOPS]->(n:Entity)
  RETURN n
}
WITH d, n.kind AS kind, count(n) AS count
ORDER BY kind
WITH d, collect({kind: kind, count: count}) AS byKind, sum(count) AS total
RETURN d.id AS id, d.name AS name, d.nameEn AS nameEn, total, byKind
ORDER BY total DESC, id
