// A page of a list, as list-entities-desc.cypher, with each entity's links of one relationship
// type (__TYPE__) as relations-by-type.cypher reads them: a list page whose entities' field asks
// for one type (districts { nodes { coBuilt { … } } }) is one round trip, not two. $ahead
// holds the field's direction, limit and the links it asks for one level further.
// With $withTotal, the list's totalCount in the same round trip: the count of count-entities.cypher,
// by the same filter; without it the block reads nothing (0).
CALL () {
  WITH 1 AS asked
  WHERE $withTotal
  //#include list-filter
  RETURN count(n) AS total
}
//#include list-filter
//#include list-sort-key
WHERE $cursorKey IS NULL
  OR sortKey < $cursorKey
  OR (sortKey = $cursorKey AND n.id < $cursorId)
WITH n, sortKey, total
ORDER BY sortKey DESC, n.id DESC
LIMIT toInteger($limit)
WITH n, sortKey, total, {
  id: n.id,
  outPrefix: CASE WHEN $ahead.direction = 'OUT' THEN n.id + '\u0001' END,
  inPrefix: CASE WHEN $ahead.direction = 'IN' THEN n.id + '\u0001' END,
  limit: $ahead.limit,
  brief: $ahead.brief,
  names: $ahead.names,
  bare: $ahead.bare,
  next: $ahead.next
} AS key
//#include links-of-key
RETURN n.id AS id, sortKey,
  CASE WHEN $names THEN n __NAMES_ENTITY__ WHEN $brief THEN n __BRIEF_ENTITY__ ELSE n __ENTITY__ END AS entity,
  links,
  total
ORDER BY sortKey DESC, id DESC
