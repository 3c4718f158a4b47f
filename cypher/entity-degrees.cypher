// How many relationships each entity has with other entities (its links to passages are not
// counted): what a view compares with the edges it shows to say that a node has more. Counting the
// other ends that are entities walks all of an entity's relationships, thousands for a hub: an
// entity with more than $walkDegreeBound relationships (its degree, read from the store) is counted
// instead as the sum of its degrees in each type of the vocabulary, which Neo4j reads from its
// degree store when the query names the type; those types join entities only (see
// relation-counts-hubs.cypher). Either way a relationship to itself counts once.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id,
  CASE WHEN COUNT { (n)--() } <= $walkDegreeBound THEN COUNT { (n)--(:Entity) } ELSE 0 +
    //#each-type +
    COUNT { (n)-[:__TYPE__]-() }
    //#end-each-type
  END AS degree
