// One level of the path search past hubs (src/repositories/hub-path-search.ts): the links of each
// entity of a frontier, over the vocabulary's $types, except links to the $excluded hub ends
// (reached only through the links they keep) and what no document had stated as of a day.
// The search stops at the first level that reaches an entity the other side has reached
// ($otherSide), and then only the links into those entities can be on a shortest path: only they
// are sent (the links of a district the level passes are thousands).
// One row, each link as [from, other, element id]: lists, not maps, cost the driver less.
UNWIND $ids AS id
MATCH (f:Entity {id: id})-[r]-(m:Entity)
WHERE type(r) IN $types
  AND NOT m.id IN $excluded
  //#include as-of-link
WITH collect([id, m.id, elementId(r)]) AS links
WITH links, [link IN links WHERE link[1] IN $otherSide] AS meeting
RETURN CASE WHEN size(meeting) > 0 THEN meeting ELSE links END AS links
