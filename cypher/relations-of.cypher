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
// key.next names the links a query asks for one level further (ResearchInstitute → its
// universities, say): each entity at the other end brings those too, ordered and capped as a
// query of their own would be, so two levels of fields cost one round trip.
CALL (m, key) {
  UNWIND coalesce(key.next, []) AS next
  WITH next
  WHERE m.kind = next.kind
  // OPTIONAL: an entity without such links still says so (an empty list, not a missing one).
  OPTIONAL CALL (m, next) {
    MATCH (m)-[r2]->(o:Entity)
    WHERE next.direction = 'OUT' AND type(r2) = next.type
    RETURN r2, o
    UNION ALL
    MATCH (m)<-[r2]-(o:Entity)
    WHERE next.direction = 'IN' AND type(r2) = next.type
    RETURN r2, o
  }
  WITH next, r2, o
  ORDER BY o.name, o.id
  WITH next, collect(CASE WHEN o IS NOT NULL THEN {
    type: type(r2), direction: next.direction, props: properties(r2), otherId: o.id, otherKind: o.kind,
    otherEntity: o {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}
  } END)[..toInteger(next.limit)] AS links
  RETURN collect({type: next.type, direction: next.direction, limit: next.limit, links: links}) AS nested
}
RETURN key.index AS keyIndex, key.id AS keyId,
  type(r) AS type, direction, properties(r) AS props, m.id AS otherId, m.kind AS otherKind,
  m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS otherEntity,
  nested
