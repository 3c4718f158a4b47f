// The walk of neighborhood.cypher, in the same order and with the same caps, for views that
// reach a hub (an entity with more than $edgeCap relationships, thousands on a large graph): a
// hub's first links come from the sort-key indexes, so a level reads at most $edgeCap links per
// type and direction of each hub instead of all of them. The service asks this query only when
// neighborhood.cypher meets a hub: naming every type makes the query ten times the size, and its
// plan costs more than a whole walk on a small graph (planning it takes Neo4j over a second, once).
MATCH (s:Entity {id: $id})
WITH s, reduce(
  // Nodes and relationships stay references until the end: only the ones the view keeps are
  // turned into maps, not every one a level reads.
  walk = {seen: [s.id], nodes: [s], hops: [], frontier: [s], truncated: false, hub: false},
  level IN range(1, $depth) |
  CASE
    WHEN walk.truncated OR size(walk.frontier) = 0 THEN walk
    // A level that finds no relationship ends the walk. (The COLLECT gives no row then: an
    // aggregation over nothing in a COLLECT that reads the outer walk yields no row, not one.)
    ELSE coalesce(head(COLLECT {
      UNWIND walk.frontier AS f
      CALL (f) {
        // An entity with few relationships: read them all and sort. The sort key is the sort key
        // the relationship carries for its direction (relation-sort-indexes.cypher): the other
        // end's name, then its id, after the entity's own id.
        WITH f
        WHERE COUNT { (f)--() } <= $edgeCap
        MATCH (f)-[r]-(m:Entity)
        WHERE (size($types) = 0 OR type(r) IN $types)
          AND (size($kinds) = 0 OR m.kind IN $kinds)
          //#include as-of-link
        WITH r, m, startNode(r) = f AS outgoing
        RETURN r, m, CASE WHEN outgoing THEN 0 ELSE 1 END AS direction,
          CASE WHEN outgoing THEN r.outKey ELSE r.inKey END AS sortKey
        UNION ALL
        // A hub (thousands of relationships): each type's sort-key index gives the first $edgeCap
        // of each direction already in order, so the level reads at most $edgeCap per type and
        // direction whatever the hub's degree. The index is used only when the text names the
        // type, hence one block per type of the vocabulary.
        WITH f
        WHERE COUNT { (f)--() } > $edgeCap
        //#each-type
        CALL (f) {
          MATCH ()-[r:__TYPE__]->(m:Entity)
          USING INDEX SEEK r:__TYPE__(outKey)
          WHERE r.outKey STARTS WITH f.id + '\u0001'
            AND (size($types) = 0 OR '__TYPE__' IN $types)
            AND (size($kinds) = 0 OR m.kind IN $kinds)
          WITH r, m ORDER BY r.outKey LIMIT toInteger($edgeCap + size($hiddenRels) + size($hiddenEntities))
          RETURN collect({r: r, m: m, direction: 0, sortKey: r.outKey}) AS out___TYPE__
        }
        CALL (f) {
          MATCH (m:Entity)-[r:__TYPE__]->()
          USING INDEX SEEK r:__TYPE__(inKey)
          WHERE r.inKey STARTS WITH f.id + '\u0001'
            AND (size($types) = 0 OR '__TYPE__' IN $types)
            AND (size($kinds) = 0 OR m.kind IN $kinds)
          WITH r, m ORDER BY r.inKey LIMIT toInteger($edgeCap + size($hiddenRels) + size($hiddenEntities))
          RETURN collect({r: r, m: m, direction: 1, sortKey: r.inKey}) AS in___TYPE__
        }
        //#end-each-type
        UNWIND
          //#each-type +
          out___TYPE__ + in___TYPE__
          //#end-each-type
          AS link
        // As of a day, what no document had stated by then is left out here, once, rather than in
        // each type's block (62 more predicates made the query's plan take twice as long to
        // build); each block read that many more links, one per left-out id at most.
        WITH link, link.r AS r, link.m AS m
        WHERE true
          //#include as-of-link
        RETURN r, m, link.direction AS direction, link.sortKey AS sortKey
      }
      WITH f.id AS fromId, r, m, direction, sortKey
      ORDER BY fromId, type(r), direction, sortKey
      LIMIT toInteger($edgeCap)
      //#include walk-level
    }), walk {.*, frontier: []})
  END
) AS walk
//#include walk-view
