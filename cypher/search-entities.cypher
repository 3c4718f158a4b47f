CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
// Only the page's entities are read out, as records without passages and facts.
CALL (hits) {
  UNWIND hits[toInteger($offset)..toInteger($offset + $first)] AS hit
  WITH hit, hit.node AS n
  RETURN collect({id: n.id, score: hit.score,
    entity: n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}}) AS page
}
RETURN size(hits) AS total, page
