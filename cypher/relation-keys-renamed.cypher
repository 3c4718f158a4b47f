// After entities were renamed: the sort keys that hold their names (relation-sort-indexes.cypher),
// i.e. the inKey of their outgoing relationships and the outKey of their incoming ones. Only
// relationships that carry sort keys (the vocabulary's types) have any to fix.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE r.inKey IS NOT NULL
  SET r.inKey = m.id + '\u0001' + n.name + '\u0001' + n.id
  RETURN count(r) AS outgoing
}
CALL (n) {
  MATCH (n)<-[r]-(m:Entity)
  WHERE r.outKey IS NOT NULL
  SET r.outKey = m.id + '\u0001' + n.name + '\u0001' + n.id
  RETURN count(r) AS incoming
}
RETURN sum(outgoing + incoming) AS count
