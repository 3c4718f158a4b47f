// The links a hub end of a path search keeps (see src/repositories/hub-path-search.ts): its first
// $bound links of each type and direction in the order of the sort-key indexes (the other end's
// name, then its id: relation-sort-indexes.cypher), as neighborhood-hubs.cypher reads a hub's
// first links. The index gives them in order, so a hub reads at most $bound links per type and
// direction (and one more per left-out id), never the thousands past them; the search goes on
// from the other ends of these links instead of from the hub.
// $hubIds are the ends shortest-paths.cypher found past the bound.
UNWIND $hubIds AS hubId
MATCH (e:Entity {id: hubId})
CALL (e) {
  //#each-type
  CALL (e) {
    MATCH ()-[r:__TYPE__]->(m:Entity)
    USING INDEX SEEK r:__TYPE__(outKey)
    WHERE r.outKey STARTS WITH e.id + '\u0001'
      AND '__TYPE__' IN $types
    WITH r, m ORDER BY r.outKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
    RETURN collect({r: r, m: m, direction: 0, sortKey: r.outKey}) AS out___TYPE__
  }
  CALL (e) {
    MATCH (m:Entity)-[r:__TYPE__]->()
    USING INDEX SEEK r:__TYPE__(inKey)
    WHERE r.inKey STARTS WITH e.id + '\u0001'
      AND '__TYPE__' IN $types
    WITH r, m ORDER BY r.inKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
    RETURN collect({r: r, m: m, direction: 1, sortKey: r.inKey}) AS in___TYPE__
  }
  //#end-each-type
  UNWIND
    //#each-type +
    out___TYPE__ + in___TYPE__
    //#end-each-type
    AS link
  // As of a day, what no document had stated by then is left out here, once, rather than in each
  // type's block (62 more predicates make the plan slow to build); each block read one more link
  // per left-out id, so the first $bound still stated are among those read.
  WITH link, link.r AS r, link.m AS m
  WHERE true
    //#include as-of-link
  WITH r, m, link.direction AS direction, link.sortKey AS sortKey
  ORDER BY sortKey
  WITH type(r) AS type, direction, collect({link: elementId(r), other: m.id}) AS links
  RETURN collect(links[..toInteger($bound)]) AS kept
}
RETURN e.id AS hubId, reduce(all = [], links IN kept | all + links) AS links
