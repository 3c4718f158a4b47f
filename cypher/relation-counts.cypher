// How many relationships each key's entity has along the key's links, for Entity.relationCount and
// the typed fields' …Count siblings: one row per key, 0 when the entity does not exist. A key names
// the types it follows outward (key.outTypes) and inward (key.inTypes), and optionally the kinds
// the other end must be of (key.kinds, null for any), so it counts what the matching list field
// would list without its `first`: a relationship to itself counts once each way, as it is listed.
// Following types given as a parameter walks every relationship of the entity, so an entity with
// more than $walkDegreeBound relationships (its degree, read from the store) is not counted here:
// its row says hub = true, and the service counts it through relation-counts-hubs.cypher.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
WITH key, n, COUNT { (n)--() } > $walkDegreeBound AS hub
RETURN key.index AS keyIndex, hub,
  CASE WHEN n IS NULL OR hub THEN 0 ELSE
    COUNT {
      MATCH (n)-[:$any(key.outTypes)]->(m:Entity)
      WHERE key.kinds IS NULL OR m.kind IN key.kinds
    } + COUNT {
      MATCH (n)<-[:$any(key.inTypes)]-(m:Entity)
      WHERE key.kinds IS NULL OR m.kind IN key.kinds
    }
  END AS count
