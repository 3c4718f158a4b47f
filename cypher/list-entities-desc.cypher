//#include list-filter
//#include list-sort-key
WHERE $cursorKey IS NULL
  OR sortKey < $cursorKey
  OR (sortKey = $cursorKey AND n.id < $cursorId)
RETURN n.id AS id, sortKey,
  n __ENTITY__ AS entity
ORDER BY sortKey DESC, n.id DESC
LIMIT toInteger($limit)
