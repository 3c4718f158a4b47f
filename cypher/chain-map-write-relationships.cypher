// Creates or updates a batch of a chain map's relationships, with the sort keys every relationship
// keeps (relation-sort-indexes.cypher).
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r += row.props
SET r.outKey = s.id + '\u0001' + t.name + '\u0001' + t.id,
  r.inKey = t.id + '\u0001' + s.name + '\u0001' + s.id
RETURN count(r) AS written
