// Which relationship types of $types the hub ends of a path search ($hubIds, the ends
// shortest-paths.cypher found past the bound) have links of, from the degree store (one number
// per type, without reading a link): shortest-paths-hub-links.cypher is then asked once per type,
// for the links each hub keeps of it.
UNWIND $hubIds AS hubId
MATCH (e:Entity {id: hubId})
RETURN e.id AS hubId, [type IN [
    //#each-type ,
    CASE WHEN COUNT { (e)-[:__TYPE__]-() } > 0 THEN '__TYPE__' END
    //#end-each-type
  ] WHERE type IN $types] AS types
