// A page of a list, as list-entities-desc.cypher, with each entity's links of one relationship
// type (__TYPE__) as relations-by-type.cypher reads them: a list page whose entities' field asks
// for one type (districts { nodes { coBuilt { … } } }) is one round trip, not two. The field's
// direction and shape are in the text (ForType.links); $ahead holds its limit and the links it
// asks for one level further (their limits; the steps are in the text).
// With $withTotal, the list's totalCount in the same round trip: the count of count-entities.cypher,
// by the same filter; without it the block reads nothing (0). A text written for a page that does
// not ask for it (ForType.withTotal false) has no such block, and total is null.
//#with-total
CALL () {
  WITH 1 AS asked
  WHERE $withTotal
  //#include list-filter
  RETURN count(n) AS total
}
//#end-with-total
//#without-total
WITH null AS total
//#end-without-total
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
  prefix: n.id + '\u0001',
  limit: $ahead.limit,
  nextLimits: $ahead.nextLimits
} AS key
//#include links-of-key
RETURN n.id AS id, sortKey,
  CASE WHEN $names THEN n __NAMES_ENTITY__ WHEN $brief THEN n __BRIEF_ENTITY__ ELSE n __ENTITY__ END AS entity,
  links,
  total
ORDER BY sortKey DESC, id DESC
