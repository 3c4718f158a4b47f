MATCH (i:Industry)
CALL (i) {
  MATCH (n:Entity)-[:FOCUSES_ON|ROADMAP_FOR]->(i)
  RETURN DISTINCT n
}
WITH i, n.kind AS kind, count(n) AS count
ORDER BY kind
WITH i, collect({kind: kind, count: count}) AS byKind, sum(count) AS total
RETURN i.id AS id, i.name AS name, i.nameEn AS nameEn, total, byKind
ORDER BY total DESC, id
