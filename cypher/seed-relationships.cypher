UNWIND $rows AS row
// A relationship a curator removed is not brought back by seeding.
OPTIONAL MATCH (tomb:Tombstone {id: row.props.id})
WITH row
WHERE tomb IS NULL
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r += row.props
// The sort keys of relation-sort-indexes.cypher: how each end lists the relationship.
SET r.outKey = s.id + '\u0001' + t.name + '\u0001' + t.id,
  r.inKey = t.id + '\u0001' + s.name + '\u0001' + s.id
RETURN count(r) AS count
