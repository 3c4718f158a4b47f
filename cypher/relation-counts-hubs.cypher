// relation-counts.cypher for the keys whose entities are hubs, with the same columns: one block
// per type of the vocabulary, since Neo4j reads a count from its degree store, or walks only that
// type's relationships when the other end's kind matters, only when the query names the type.
// Each block runs only for a type the key follows. The other end needs no :Entity label here:
// relationships of the vocabulary's types join entities only (seeding, curation, chain-map imports
// and restores write them between two :Entity nodes; deleting an entity deletes its relationships).
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
RETURN key.index AS keyIndex, true AS hub,
  0 +
  //#each-type +
  CASE WHEN NOT '__TYPE__' IN key.outTypes THEN 0
    WHEN key.kinds IS NULL THEN COUNT { (n)-[:__TYPE__]->() }
    ELSE COUNT { MATCH (n)-[:__TYPE__]->(m) WHERE m.kind IN key.kinds }
  END + CASE WHEN NOT '__TYPE__' IN key.inTypes THEN 0
    WHEN key.kinds IS NULL THEN COUNT { (n)<-[:__TYPE__]-() }
    ELSE COUNT { MATCH (n)<-[:__TYPE__]-(m) WHERE m.kind IN key.kinds }
  END
  //#end-each-type
  AS count
