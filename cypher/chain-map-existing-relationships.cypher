// Which of these (source, type, target) relationships exist already, and who owns each (null: the
// documents or a curator), so an import never overwrites a link it did not write. Each key starts
// from its source's id and filters that entity's links (see chain-map-remove-relationships).
UNWIND $keys AS key
MATCH (s:Entity {id: key.source})-[r]->(t:Entity)
WHERE t.id = key.target AND type(r) = key.type
RETURN key.source AS source, key.type AS type, key.target AS target, r.importSet AS importSet
