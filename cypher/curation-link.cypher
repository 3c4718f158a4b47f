MATCH (s:Entity {id: $source})
MATCH (t:Entity {id: $target})
// MERGE locks both ends, so two concurrent links of the same pair make one relationship.
MERGE (s)-[r:$($type)]->(t)
ON CREATE SET r += $props, r.justCreated = true
// The sort keys of relation-sort-indexes.cypher: how each end lists the relationship.
SET r.outKey = s.id + '\u0001' + t.name + '\u0001' + t.id,
  r.inKey = t.id + '\u0001' + s.name + '\u0001' + s.id
WITH r, coalesce(r.justCreated, false) AS created
REMOVE r.justCreated
RETURN created
