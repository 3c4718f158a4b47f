// Relationships of every type of the vocabulary ($allTypes) for a batch of keys (Entity.relations
// without types), one row per key: the entity the key starts from (null when there is none) and
// its links in the order of the other end's name, then id. A key of one type reads through
// relations-by-type.cypher instead, which seeks them in order in that type's index; here every
// link of the key's direction is read and sorted.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
CALL (n, key) {
  CALL (n, key) {
    WITH n, key
    WHERE key.direction = 'OUT'
    MATCH (n)-[r:$any($allTypes)]->(m:Entity)
    RETURN r, m, 'OUT' AS direction
    UNION ALL
    WITH n, key
    WHERE key.direction = 'IN'
    MATCH (n)<-[r:$any($allTypes)]-(m:Entity)
    RETURN r, m, 'IN' AS direction
  }
  WITH r, m, direction
  ORDER BY m.name, m.id
  WITH collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
  UNWIND links AS link
  WITH link.r AS r, link.m AS m, link.direction AS direction
  RETURN collect({
    type: type(r), direction: direction, props: r {.*, quotes: null, outKey: null, inKey: null}, otherId: m.id, otherKind: m.kind,
    otherEntity: m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}
  }) AS links
}
RETURN key.index AS keyIndex, key.id AS keyId,
  n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS anchor,
  links
