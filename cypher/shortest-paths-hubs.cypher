// The links a hub end of a path search keeps (see src/repositories/hub-path-search.ts): its first
// $bound links of each type and direction in the order of the sort-key indexes (the other end's
// name, then its id: relation-sort-indexes.cypher), as neighborhood-hubs.cypher reads a hub's
// first links. The index gives them in order, so a hub reads at most $bound links per type and
// direction (and one more per left-out id), never the thousands past them; the search goes on
// from the other ends of these links instead of from the hub.
// $hubIds are the ends shortest-paths.cypher found past the bound.
UNWIND $hubIds AS hubId
MATCH (e:Entity {id: hubId})
//#each-type
CALL (e) {
  MATCH ()-[r:__TYPE__]->(m:Entity)
  USING INDEX SEEK r:__TYPE__(outKey)
  WHERE r.outKey STARTS WITH e.id + '\u0001'
    AND '__TYPE__' IN $types
  WITH r, m ORDER BY r.outKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
  RETURN collect([elementId(r), m.id, CASE WHEN size($hiddenRels) > 0 THEN coalesce(r.id, e.id + '|__TYPE__|' + m.id) END]) AS out___TYPE__
}
CALL (e) {
  MATCH (m:Entity)-[r:__TYPE__]->()
  USING INDEX SEEK r:__TYPE__(inKey)
  WHERE r.inKey STARTS WITH e.id + '\u0001'
    AND '__TYPE__' IN $types
  WITH r, m ORDER BY r.inKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
  RETURN collect([elementId(r), m.id, CASE WHEN size($hiddenRels) > 0 THEN coalesce(r.id, m.id + '|__TYPE__|' + e.id) END]) AS in___TYPE__
}
//#end-each-type
// Each link as [element id, other end's id, relationship id as of-a-day lists name it]. As of a
// day, what no document had stated by then is left out here, once per type and direction, as a
// filter of lists rather than in each block's MATCH (62 more predicates there make the plan slow
// to build); each block read one more link per left-out id, so its first $bound still stated are
// among those read. Lists rather than maps of nodes: the 1,000 links of a hub cost 3 ms, not 15.
RETURN e.id AS hubId, reduce(kept = [], links IN [
    //#each-type ,
    out___TYPE__, in___TYPE__
    //#end-each-type
  ] | kept + [link IN links
    WHERE (size($hiddenEntities) = 0 OR NOT link[1] IN $hiddenEntities)
      AND (size($hiddenRels) = 0 OR NOT link[2] IN $hiddenRels)
    | [link[0], link[1]]][..toInteger($bound)]) AS links
