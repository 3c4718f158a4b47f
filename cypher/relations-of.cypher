// One row per key: the entity the key starts from (null when there is none), so a query that
// starts at an entity and asks for its relationship fields reads both in one round trip, and the
// key's links. Each branch expands only its direction and the key's type (or $allTypes), so a hub
// with many relationships of other types or directions costs no more than its matching ones.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
CALL (n, key) {
  CALL (n, key) {
    WITH n, key
    WHERE key.direction = 'OUT'
    MATCH (n)-[r:$any(coalesce(key.type, $allTypes))]->(m:Entity)
    RETURN r, m, 'OUT' AS direction
    UNION ALL
    WITH n, key
    WHERE key.direction = 'IN'
    MATCH (n)<-[r:$any(coalesce(key.type, $allTypes))]-(m:Entity)
    RETURN r, m, 'IN' AS direction
  }
  WITH r, m, direction
  ORDER BY m.name, m.id
  WITH collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
  UNWIND links AS link
  WITH link.r AS r, link.m AS m, link.direction AS direction
  // key.next names the links a query asks for one level further (ResearchInstitute → its
  // universities, say): each entity at the other end brings those too, ordered and capped as a
  // query of their own would be, so two levels of fields cost one round trip.
  CALL (m, key) {
    UNWIND coalesce(key.next, []) AS next
    WITH next
    WHERE m.kind = next.kind
    // OPTIONAL: an entity without such links still says so (an empty list, not a missing one).
    OPTIONAL CALL (m, next) {
      WITH m, next
      WHERE next.direction = 'OUT'
      MATCH (m)-[r2:$(next.type)]->(o:Entity)
      RETURN r2, o
      UNION ALL
      WITH m, next
      WHERE next.direction = 'IN'
      MATCH (m)<-[r2:$(next.type)]-(o:Entity)
      RETURN r2, o
    }
    WITH next, r2, o
    ORDER BY o.name, o.id
    WITH next, collect(CASE WHEN o IS NOT NULL THEN {
      type: type(r2), direction: next.direction, props: properties(r2), otherId: o.id, otherKind: o.kind,
      otherEntity: o {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}
    } END)[..toInteger(next.limit)] AS further
    RETURN collect({type: next.type, direction: next.direction, limit: next.limit, links: further}) AS nested
  }
  // The entity at the other end comes along (without its passages and facts, which the details
  // loader reads only when asked), so University.coBuiltInstitutes { node { name } } costs one
  // round trip, not two. The link's own evidence is rebuilt from its properties (passage ids and
  // quotes).
  RETURN collect({
    type: type(r), direction: direction, props: properties(r), otherId: m.id, otherKind: m.kind,
    otherEntity: m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description},
    nested: nested
  }) AS links
}
RETURN key.index AS keyIndex, key.id AS keyId,
  n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS anchor,
  links
