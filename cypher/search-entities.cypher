CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
// An entity named exactly as typed (any name form, folded as the query was) ranks first, then
// one named exactly as one of the terms (汽车 轨道交通: 汽车 and 轨道交通), then by score.
WITH node, score,
  [form IN [node.name, coalesce(node.nameEn, '')] + coalesce(node.aliases, []) | toLower(form)] AS forms
WITH node, score, $exact IN forms AS exact, any(term IN $terms WHERE term IN forms) AS termExact
ORDER BY exact DESC, termExact DESC, score DESC, node.id
WITH collect({node: node, score: score}) AS hits
// Only the page's entities are read out, as records without passages and facts.
CALL (hits) {
  UNWIND hits[toInteger($offset)..toInteger($offset + $first)] AS hit
  WITH hit, hit.node AS n
  RETURN collect({id: n.id, score: hit.score,
    entity: n {.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description}}) AS page
}
RETURN size(hits) AS total, page
