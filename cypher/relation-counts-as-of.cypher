// relation-counts.cypher as of a day: how many relationships each key's entity has along the
// key's links, less those no document had stated by then (key.hiddenRels, ids as the services
// name edges) and those to an entity no document had mentioned by then (key.hiddenEntities), so
// it counts what the matching list field lists as of that day. A query of its own: the plain
// count stays a degree read, without a predicate on each relationship.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
RETURN key.index AS keyIndex,
  CASE WHEN n IS NULL THEN 0 ELSE
    COUNT {
      MATCH (n)-[r:$any(key.outTypes)]->(m:Entity)
      WHERE (key.kinds IS NULL OR m.kind IN key.kinds)
        AND NOT m.id IN key.hiddenEntities
        AND NOT coalesce(r.id, n.id + '|' + type(r) + '|' + m.id) IN key.hiddenRels
    } + COUNT {
      MATCH (n)<-[r:$any(key.inTypes)]-(m:Entity)
      WHERE (key.kinds IS NULL OR m.kind IN key.kinds)
        AND NOT m.id IN key.hiddenEntities
        AND NOT coalesce(r.id, m.id + '|' + type(r) + '|' + n.id) IN key.hiddenRels
    }
  END AS count
