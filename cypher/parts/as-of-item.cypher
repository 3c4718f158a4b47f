//#uses item, $hiddenEntities, $hiddenRels
// An item of the innovation chain (innovation-chain.cypher) as of a day: kept when some document
// had stated, by then, each relationship of its chain to the industry and each end of those
// relationships. The service passes what no document had (not-stated-by.cypher) as ids; both
// lists are empty without asOf. A relationship's id is its `id`, or source|TYPE|target.
(size($hiddenEntities) + size($hiddenRels) = 0 OR all(r IN item.rels WHERE
  NOT startNode(r).id IN $hiddenEntities AND NOT endNode(r).id IN $hiddenEntities
  AND NOT coalesce(r.id, startNode(r).id + '|' + type(r) + '|' + endNode(r).id) IN $hiddenRels))
