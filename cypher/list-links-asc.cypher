// A page of a list, as list-entities-asc.cypher, with each entity's links of one relationship
// type (__TYPE__) as relations-by-type.cypher reads them: a list page whose entities' field asks
// for one type (districts { nodes { coBuilt { … } } }) is one round trip, not two. The page is in
// the text as list-entities' (ForType.list), and so are the field's direction and shape
// (ForType.links); $linkLimit is its limit, and $nextLimits those of the links it asks for one
// level further (the steps are in the text; a text without steps reads neither).
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
WHERE sortKey > $cursorKey
  OR (sortKey = $cursorKey AND n.id > $cursorId)
//#end-if-cursor
WITH *
ORDER BY sortKey, n.id
LIMIT toInteger($limit)
WITH *, {
  prefix: n.id + '\u0001',
  //#with-ahead
  nextLimits: $nextLimits,
  //#end-with-ahead
  limit: $linkLimit
} AS key
//#include links-of-key
RETURN n.id AS id, sortKey, n __LIST_ENTITY__ AS entity, links
//#with-total
  , total
//#end-with-total
ORDER BY sortKey, id
