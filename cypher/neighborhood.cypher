// A relationship view around one entity, breadth first, in one query, for views that meet no
// hub: each level reads all of its frontier's relationships and sorts them. When a frontier
// entity holds more than $edgeCap relationships, the walk stops and answers hub = true, and the
// service asks neighborhood-hubs.cypher, which reads a hub's first links from the sort-key
// indexes instead: the same walk, in a query ten times the size, whose plan alone costs more
// than this whole walk on a small graph.
//
// Each level follows at most $edgeCap relationships from its frontier, in the order (frontier
// id, type, outgoing before incoming, other end's name, other end's id: the relationship's sort
// key for its direction, relation-sort-indexes.cypher); an entity joins the view while it holds
// fewer than $limit. A level that hits either cap marks the view truncated and ends the walk.
// Edges come back only between entities of the view, an edge between two frontier entities twice
// (found from both); the service keeps each once. As of a day, the walk does not follow what no
// document had stated by then ($hiddenEntities, $hiddenRels: empty without asOf).
MATCH (s:Entity {id: $id})
WITH s, reduce(
  // Nodes and relationships stay references until the end: only the ones the view keeps are
  // turned into maps, not every one a level reads.
  walk = {seen: [s.id], nodes: [s], hops: [], frontier: [s], truncated: false, hub: false},
  level IN range(1, $depth) |
  CASE
    WHEN walk.truncated OR walk.hub OR size(walk.frontier) = 0 THEN walk
    // The degree of a node is read without expanding its relationships.
    WHEN any(f IN walk.frontier WHERE COUNT { (f)--() } > $edgeCap) THEN walk {.*, hub: true}
    // A level that finds no relationship ends the walk. (The COLLECT gives no row then: an
    // aggregation over nothing in a COLLECT that reads the outer walk yields no row, not one.)
    ELSE coalesce(head(COLLECT {
      UNWIND walk.frontier AS f
      MATCH (f)-[r]-(m:Entity)
      WHERE (size($types) = 0 OR type(r) IN $types)
        AND (size($kinds) = 0 OR m.kind IN $kinds)
        //#include as-of-link
      WITH f, r, m, startNode(r) = f AS outgoing
      WITH f.id AS fromId, r, m, CASE WHEN outgoing THEN 0 ELSE 1 END AS direction,
        CASE WHEN outgoing THEN r.outKey ELSE r.inKey END AS sortKey
      ORDER BY fromId, type(r), direction, sortKey
      LIMIT toInteger($edgeCap)
      //#include walk-level
    }), walk {.*, frontier: []})
  END
) AS walk
//#include walk-view
