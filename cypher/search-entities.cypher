CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
// An entity named exactly as typed (any name form, folded as the query was) ranks first.
WITH node, score,
  toLower(node.name) = $exact OR toLower(coalesce(node.nameEn, '')) = $exact
    OR any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) AS exact
ORDER BY exact DESC, score DESC, node.id
WITH collect({node: node, score: score}) AS hits
// Only the page's entities are read out, as records without passages and facts.
CALL (hits) {
  UNWIND hits[toInteger($offset)..toInteger($offset + $first)] AS hit
  WITH hit, hit.node AS n
  RETURN collect({id: n.id, score: hit.score,
    entity: n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}}) AS page
}
RETURN size(hits) AS total, page
