// Which of these (source, type, target) relationships exist already, and who owns each (null: the
// documents or a curator), so an import never overwrites a link it did not write.
UNWIND $keys AS key
MATCH (s:Entity {id: key.source})-[r:$(key.type)]->(t:Entity {id: key.target})
RETURN key.source AS source, key.type AS type, key.target AS target, r.importSet AS importSet
