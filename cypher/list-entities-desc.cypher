// A page of a list, written for the page asked (ForList): its filters, sort key, cursor, total
// and tier. With the total, the list's totalCount in the same round trip: the count of
// count-entities.cypher, by the same filter (written first, so a page that asks for none reads
// neither the count nor a total column).
//#with-total
CALL () {
  //#include list-filter
  RETURN count(n) AS total
}
//#end-with-total
//#include list-filter
//#include list-sort-key
//#if-cursor
WITH *
WHERE sortKey < $cursorKey
  OR (sortKey = $cursorKey AND n.id < $cursorId)
//#end-if-cursor
RETURN n.id AS id, sortKey, n __LIST_ENTITY__ AS entity
//#with-total
  , total
//#end-with-total
ORDER BY sortKey DESC, n.id DESC
LIMIT toInteger($limit)
