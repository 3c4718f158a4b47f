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
RETURN n.id AS id, sortKey,
  CASE WHEN $names THEN n __NAMES_ENTITY__ WHEN $brief THEN n __BRIEF_ENTITY__ ELSE n __ENTITY__ END AS entity,
  total
ORDER BY sortKey DESC, n.id DESC
LIMIT toInteger($limit)
