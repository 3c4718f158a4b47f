// The links a hub end of a path search keeps, of one relationship type (__TYPE__, put in by the
// registry): its first $bound in each direction in the order of the sort-key indexes (the other
// end's name, then its id: relation-sort-indexes.cypher), as neighborhood-hubs.cypher reads a
// hub's first links. The index gives them in order, so a hub reads at most $bound links per
// direction (and one more per left-out id), never the thousands past them; the search goes on
// from the other ends of these links instead of from the hub (src/repositories/hub-path-search.ts).
// One query per type the hubs have (shortest-paths-hubs.cypher says which): a query naming all 31
// types took Neo4j 2-3 s to plan, and 10 s on a cold server; one type plans in a tenth of that.
UNWIND $hubIds AS hubId
MATCH (e:Entity {id: hubId})
CALL (e) {
  MATCH ()-[r:__TYPE__]->(m:Entity)
  USING INDEX SEEK r:__TYPE__(outKey)
  WHERE r.outKey STARTS WITH e.id + '\u0001'
  WITH r, m ORDER BY r.outKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
  RETURN collect([elementId(r), m.id, CASE WHEN size($hiddenRels) > 0 THEN coalesce(r.id, e.id + '|__TYPE__|' + m.id) END]) AS out
}
CALL (e) {
  MATCH (m:Entity)-[r:__TYPE__]->()
  USING INDEX SEEK r:__TYPE__(inKey)
  WHERE r.inKey STARTS WITH e.id + '\u0001'
  WITH r, m ORDER BY r.inKey LIMIT toInteger($bound + size($hiddenRels) + size($hiddenEntities))
  RETURN collect([elementId(r), m.id, CASE WHEN size($hiddenRels) > 0 THEN coalesce(r.id, m.id + '|__TYPE__|' + e.id) END]) AS in
}
// Each link as [element id, other end's id, relationship id as of-a-day lists name it]. As of a
// day, what no document had stated by then is left out after the seeks, which read one more link
// per left-out id, so the first $bound still stated are among those read. Lists, not maps: 1,000
// links as maps cost the driver some 15 ms, as lists 3 ms.
RETURN e.id AS hubId, [links IN [out, in] | [link IN links
    WHERE (size($hiddenEntities) = 0 OR NOT link[1] IN $hiddenEntities)
      AND (size($hiddenRels) = 0 OR NOT link[2] IN $hiddenRels)
    | [link[0], link[1]]][..toInteger($bound)]] AS links
