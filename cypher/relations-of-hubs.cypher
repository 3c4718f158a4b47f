// The links of untyped keys whose entities are hubs (see relations-of.cypher), in the same order
// and with the same columns: each type's first links of the key's direction come from its
// sort-key index (the key's prefix for its direction, null for the other, which matches nothing),
// at most $linkLimit (the batch's largest limit) per type, so a key reads at most that many per
// type whatever the entity's degree. The index is used only when the text names the type, hence
// one block per type of the vocabulary.
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
CALL (n, key) {
  //#each-type
  CALL (key) {
    MATCH ()-[r:__TYPE__]->(m:Entity)
    USING INDEX SEEK r:__TYPE__(outKey)
    WHERE r.outKey STARTS WITH key.outPrefix
    WITH r, m ORDER BY r.outKey LIMIT toInteger($linkLimit)
    RETURN collect({r: r, m: m, direction: 'OUT', sortKey: r.outKey}) AS out___TYPE__
  }
  CALL (key) {
    MATCH (m:Entity)-[r:__TYPE__]->()
    USING INDEX SEEK r:__TYPE__(inKey)
    WHERE r.inKey STARTS WITH key.inPrefix
    WITH r, m ORDER BY r.inKey LIMIT toInteger($linkLimit)
    RETURN collect({r: r, m: m, direction: 'IN', sortKey: r.inKey}) AS in___TYPE__
  }
  //#end-each-type
  UNWIND
    //#each-type +
    out___TYPE__ + in___TYPE__
    //#end-each-type
    AS link
  WITH link.r AS r, link.m AS m, link.direction AS direction, link.sortKey AS sortKey
  //#include untyped-links
}
RETURN key.index AS keyIndex, key.id AS keyId, false AS hub,
  n __ENTITY__ AS start,
  links
