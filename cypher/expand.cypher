UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $direction IN ['OUT', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE $direction IN ['IN', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m
}
WITH n, r, m
ORDER BY n.id, type(r), m.id
LIMIT toInteger($limit)
// A link's evidence is in its own properties (passage ids and quotes). The other end's record
// comes along (without its passages and facts), so a walk needs no separate round trip to show
// its nodes.
RETURN n.id AS fromId, m.id AS otherId, startNode(r) = n AS outgoing, type(r) AS type,
  properties(r) AS props,
  m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS other
