//#uses r, m, $hiddenEntities, $hiddenRels
// A condition of a walk's WHERE (neighborhood.cypher, neighborhood-hubs.cypher): as of a day, a
// link counts only when some document had stated the relationship and its other end by then. The
// services pass what no document had (not-stated-by.cypher), as ids; both lists are empty without
// asOf. A relationship's id is its `id`, or source|TYPE|target, as the services name edges.
AND (size($hiddenEntities) = 0 OR NOT m.id IN $hiddenEntities)
AND (size($hiddenRels) = 0
  OR NOT coalesce(r.id, startNode(r).id + '|' + type(r) + '|' + endNode(r).id) IN $hiddenRels)
