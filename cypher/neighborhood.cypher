// A relationship view around one entity, breadth first, in one query. Each level follows at most
// $edgeCap relationships from its frontier (ordered by frontier id, type, other id); an entity
// joins the view while it holds fewer than $limit. A level that hits either cap marks the view
// truncated and ends the walk. Edges come back as found, repeats and edges to entities left out
// included; the service keeps each edge once and only between entities of the view.
MATCH (s:Entity {id: $id})
WITH s, reduce(
  walk = {
    seen: [s.id],
    nodes: [s {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}],
    edges: [],
    frontier: [s.id],
    truncated: false
  },
  level IN range(1, $depth) |
  CASE
    WHEN walk.truncated OR size(walk.frontier) = 0 THEN walk
    ELSE reduce(
      acc = {seen: walk.seen, nodes: walk.nodes, edges: walk.edges, frontier: [], truncated: false, count: 0},
      hop IN COLLECT {
        UNWIND walk.frontier AS fromId
        MATCH (f:Entity {id: fromId})-[r]-(m:Entity)
        WHERE (size($types) = 0 OR type(r) IN $types)
          AND (size($kinds) = 0 OR m.kind IN $kinds)
        WITH fromId, r, m
        ORDER BY fromId, type(r), m.id
        LIMIT toInteger($edgeCap)
        RETURN {
          otherId: m.id,
          other: m {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description},
          // Without its quotes: a view shows many edges, and the evidence loader reads them if asked.
          edge: {type: type(r), source: startNode(r).id, target: endNode(r).id,
            props: r {.id, .evidenceKind, .confidence}}
        }
      } |
      CASE
        WHEN hop.otherId IN acc.seen
          THEN acc {.*, edges: acc.edges + hop.edge, count: acc.count + 1,
            truncated: acc.truncated OR acc.count + 1 >= $edgeCap}
        WHEN size(acc.seen) >= $limit
          THEN acc {.*, edges: acc.edges + hop.edge, count: acc.count + 1, truncated: true}
        ELSE acc {.*, seen: acc.seen + hop.otherId, nodes: acc.nodes + hop.other,
          edges: acc.edges + hop.edge, frontier: acc.frontier + hop.otherId, count: acc.count + 1,
          truncated: acc.truncated OR acc.count + 1 >= $edgeCap}
      END
    )
  END
) AS walk
RETURN walk.nodes AS nodes, walk.edges AS edges, walk.truncated AS truncated
