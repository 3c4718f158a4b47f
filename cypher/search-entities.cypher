// Hits of the full-text indexes: an entity by its name forms (entity_names), or at either end of
// a relationship whose own properties match (relation_props_2: 首批试点高校 finds the pilot
// programme and its universities). Each entity once, with its best hit and what matched.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
  RETURN node AS entity, score, null AS viaType, null AS viaText
  UNION ALL
  CALL db.index.fulltext.queryRelationships('relation_props_2', $query) YIELD relationship, score
  UNWIND [startNode(relationship), endNode(relationship)] AS entity
  RETURN entity, score, type(relationship) AS viaType, relationship.propText AS viaText
}
WITH entity, score, viaType, viaText
WHERE entity:Entity AND (size($kinds) = 0 OR entity.kind IN $kinds)
ORDER BY score DESC
WITH entity AS node, max(score) AS score, head(collect({type: viaType, text: viaText})) AS via
// An entity named exactly as typed (any name form, folded as the query was) ranks first, then
// one named exactly as one of the terms (汽车 轨道交通: 汽车 and 轨道交通), then by score.
WITH node, score, via,
  [form IN [node.name, coalesce(node.nameEn, '')] + coalesce(node.aliases, []) | toLower(form)] AS forms
WITH node, score, via, $exact IN forms AS exact, any(term IN $terms WHERE term IN forms) AS termExact
ORDER BY exact DESC, termExact DESC, score DESC, node.id
WITH collect({node: node, score: score, via: via}) AS hits
// Only the page's entities are read out, as records without passages and facts.
CALL (hits) {
  UNWIND hits[toInteger($offset)..toInteger($offset + $first)] AS hit
  WITH hit, hit.node AS n
  RETURN collect({id: n.id, score: hit.score, via: hit.via,
    entity: n __ENTITY__}) AS page
}
RETURN size(hits) AS total, page
