// The links of one relationship type (__TYPE__), direction and shape (ForType.links) for a batch
// of keys, one row per key: the entity
// the key starts from (null when there is none), so a query that starts at an entity and asks for
// its relationship fields reads both in one round trip, and the key's links (see the part).
// $linkLimit is the largest limit of the batch.
// Read-ahead hop 6 (docs/architecture.md): links-of-key reads each found entity's `next` links
// too; next, the loaders keep them (src/loaders, primePrefetched, hop 7).
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
//#include links-of-key
RETURN key.index AS keyIndex, key.id AS keyId,
  n __ENTITY__ AS start,
  links
