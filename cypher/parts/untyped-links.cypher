//#uses r, m, direction, sortKey, key
// The first key.limit links of an untyped key (rows of r, m, direction and sortKey, the
// relationship's sort key for the key's direction) as `links`: in the order of the other end's
// name, then id (which the sort key orders by, after the key's own id), then type; each with the
// entity at the other end, without its passages and facts, and without the link's quotes and
// sort keys (read only when a query asks for evidence).
WITH r, m, direction, sortKey
ORDER BY sortKey, type(r)
WITH collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
UNWIND links AS link
WITH link.r AS r, link.m AS m, link.direction AS direction
RETURN collect({
  type: type(r), direction: direction, props: r __LINK__,
  otherEntity: m __ENTITY__
}) AS links
