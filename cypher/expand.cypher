UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $direction IN ['OUT', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m, 0 AS direction, r.outKey AS sortKey
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE $direction IN ['IN', 'BOTH']
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($kinds) = 0 OR m.kind IN $kinds)
  RETURN r, m, 1 AS direction, r.inKey AS sortKey
}
// The order of neighborhood.cypher: type, outgoing first, then the other end's name and id (the
// relationship's sort key for its direction).
WITH n, r, m, direction, sortKey
ORDER BY n.id, type(r), direction, sortKey
LIMIT toInteger($limit)
// A link's evidence is in its own properties (passage ids and quotes). The other end's record
// comes along (without its passages and facts), so a walk needs no separate round trip to show
// its nodes.
RETURN n.id AS fromId, m.id AS otherId, startNode(r) = n AS outgoing, type(r) AS type,
  properties(r) AS props,
  m __ENTITY__ AS other
