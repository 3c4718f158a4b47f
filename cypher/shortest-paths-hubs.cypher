// shortest-paths.cypher for ends past the bound: an end with more than $bound links of the
// vocabulary's types (thousands on a large graph) is searched only through its first $bound links
// of each type in each direction, in the order of the sort-key indexes (the other end's name, then
// its id: relation-sort-indexes.cypher), as neighborhood-hubs.cypher reads a hub's first links.
// The other links of a hub end are left out of the search, not filtered from its answer, so the
// paths found are the shortest through the links kept; an end below the bound keeps all its links.
// The service asks this query only when shortest-paths.cypher met a hub end (fromHub, toHub):
// naming every type twice makes the query large, and a search below the bound needs none of it.
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
WITH a, b,
  COUNT { (a)-[:
    //#each-type |
__TYPE__
    //#end-each-type
  ]-() } > $bound AS fromHub,
  COUNT { (b)-[:
    //#each-type |
__TYPE__
    //#end-each-type
  ]-() } > $bound AS toHub
// Each hub end's cut: per type and direction, the sort key of the last link it keeps (its
// $bound-th by the index, or its last when it has fewer; none for a type it has no link of). The
// index gives them in order, so an end reads at most $bound links per type and direction. What is
// hidden as of a day is skipped here too: the first links kept are the first still stated.
CALL (a, b, fromHub, toHub) {
  UNWIND [e IN [CASE WHEN fromHub THEN a END, CASE WHEN toHub THEN b END] WHERE e IS NOT NULL] AS e
  //#each-type
  CALL (e) {
    MATCH ()-[r:__TYPE__]->(m:Entity)
    USING INDEX SEEK r:__TYPE__(outKey)
    WHERE r.outKey STARTS WITH e.id + '\u0001'
      AND (size($hiddenRels) = 0 OR NOT coalesce(r.id, e.id + '|__TYPE__|' + m.id) IN $hiddenRels)
      AND (size($hiddenEntities) = 0 OR NOT m.id IN $hiddenEntities)
    WITH r ORDER BY r.outKey LIMIT toInteger($bound)
    RETURN max(r.outKey) AS out___TYPE__
  }
  CALL (e) {
    MATCH (m:Entity)-[r:__TYPE__]->()
    USING INDEX SEEK r:__TYPE__(inKey)
    WHERE r.inKey STARTS WITH e.id + '\u0001'
      AND (size($hiddenRels) = 0 OR NOT coalesce(r.id, m.id + '|__TYPE__|' + e.id) IN $hiddenRels)
      AND (size($hiddenEntities) = 0 OR NOT m.id IN $hiddenEntities)
    WITH r ORDER BY r.inKey LIMIT toInteger($bound)
    RETURN max(r.inKey) AS in___TYPE__
  }
  //#end-each-type
  RETURN collect({
    id: e.id,
    out: {
      //#each-type ,
      __TYPE__: out___TYPE__
      //#end-each-type
    },
    in: {
      //#each-type ,
      __TYPE__: in___TYPE__
      //#end-each-type
    }
  }) AS cuts
}
WITH a, b, fromHub, toHub,
  head([c IN cuts WHERE c.id = a.id]) AS fromCut,
  head([c IN cuts WHERE c.id = b.id]) AS toCut
CALL (a, b, fromCut, toCut) {
  WITH a, b, fromCut, toCut
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[*..__HOPS__]-(b))
  // A link of a hub end is followed when its sort key is at most the cut of its type and
  // direction: one comparison per link, whatever the hub's degree.
  WHERE all(r IN relationships(p) WHERE type(r) IN $types
      AND (size($hiddenRels) = 0
        OR NOT coalesce(r.id, startNode(r).id + '|' + type(r) + '|' + endNode(r).id) IN $hiddenRels)
      AND (fromCut IS NULL OR CASE
        WHEN startNode(r) = a THEN r.outKey <= coalesce(fromCut.out[type(r)], '')
        WHEN endNode(r) = a THEN r.inKey <= coalesce(fromCut.in[type(r)], '')
        ELSE true
      END)
      AND (toCut IS NULL OR CASE
        WHEN startNode(r) = b THEN r.outKey <= coalesce(toCut.out[type(r)], '')
        WHEN endNode(r) = b THEN r.inKey <= coalesce(toCut.in[type(r)], '')
        ELSE true
      END))
    AND all(n IN nodes(p) WHERE size($hiddenEntities) = 0 OR NOT n.id IN $hiddenEntities)
  //#include path-records
}
RETURN a __ENTITY__ AS from,
  b __ENTITY__ AS to,
  paths,
  fromHub,
  toHub
