// Relationships of every type of the vocabulary ($allTypes) for a batch of keys (Entity.relations
// without types), one row per key: the entity the key starts from (null when there is none) and
// its links in the order of the other end's name, then id, then type. Every link of the key's
// direction is read and sorted, unless the entity is a hub (more than 4 × key.limit
// relationships): then the row says hub = true, without links, and the service reads that key
// through relations-of-hubs.cypher, which seeks each type's first links in its sort-key index.
// A key of one type reads through relations-by-type.cypher.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
WITH key, n, COUNT { (n)--() } > 4 * key.limit AS hub
CALL (n, key, hub) {
  CALL (n, key, hub) {
    WITH n, key
    WHERE key.direction = 'OUT' AND NOT hub
    MATCH (n)-[r:$any($allTypes)]->(m:Entity)
    RETURN r, m, 'OUT' AS direction, r.outKey AS sortKey
    UNION ALL
    WITH n, key
    WHERE key.direction = 'IN' AND NOT hub
    MATCH (n)<-[r:$any($allTypes)]-(m:Entity)
    RETURN r, m, 'IN' AS direction, r.inKey AS sortKey
  }
  //#include untyped-links
}
RETURN key.index AS keyIndex, key.id AS keyId, hub,
  n __ENTITY__ AS start,
  links
