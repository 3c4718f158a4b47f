MATCH (s:Entity {id: $source})
MATCH (t:Entity {id: $target})
// MERGE locks both ends, so two concurrent links of the same pair make one relationship.
MERGE (s)-[r:$($type)]->(t)
ON CREATE SET r += $props, r.justCreated = true
WITH r, coalesce(r.justCreated, false) AS created
REMOVE r.justCreated
RETURN created
