UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
CALL (n, key) {
  MATCH (n)-[r]->(m:Entity)
  WHERE key.direction = 'OUT' AND (key.type IS NULL OR type(r) = key.type)
  RETURN r, m, 'OUT' AS direction
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE key.direction = 'IN' AND (key.type IS NULL OR type(r) = key.type)
  RETURN r, m, 'IN' AS direction
}
WITH key, r, m, direction
ORDER BY m.name, m.id
WITH key, collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
UNWIND links AS link
WITH key, link.r AS r, link.m AS m, link.direction AS direction
// The entity at the other end comes along (without its passages and facts, which the details
// loader reads only when asked), so a field such as University.coBuiltInstitutes { node { name } }
// costs one round trip, not two. The link's own evidence is rebuilt from its properties (passage
// ids and quotes).
RETURN key.index AS keyIndex, key.id AS keyId,
  type(r) AS type, direction, properties(r) AS props, m.id AS otherId, m.kind AS otherKind,
  m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS otherEntity
