// The links of one relationship type (__TYPE__) for a batch of keys, one row per key: the entity
// the key starts from (null when there is none), so a query that starts at an entity and asks for
// its relationship fields reads both in one round trip, and the key's links (see the part).
// $linkLimit is the largest limit of the batch.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
//#include links-of-key
RETURN key.index AS keyIndex, key.id AS keyId,
  n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description} AS anchor,
  links
