// One level of the path search past hubs (src/repositories/hub-path-search.ts): the links of each
// entity of a frontier, over the vocabulary's $types, except links to the $excluded hub ends
// (reached only through the links they keep) and what no document had stated as of a day.
// One row, the links as [from, other, link element id]: thousands of small rows cost more to send.
UNWIND $ids AS id
MATCH (f:Entity {id: id})-[r]-(m:Entity)
WHERE type(r) IN $types
  AND NOT m.id IN $excluded
  //#include as-of-link
RETURN collect([id, m.id, elementId(r)]) AS links
