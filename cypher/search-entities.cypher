// Hits of the full-text indexes: an entity by its name forms (entity_names), or at either end of
// a relationship whose own properties match (relation_props_2: 首批试点高校 finds the pilot
// programme and its universities), plus every entity named exactly as typed or as one of the
// terms, through the NameForm key index. Each index gives its best $hitBound hits only: on a
// large graph a common bigram (研究) matches a large share of all names, and reading and ranking
// every one of them took over 10 s on a million entities. Whether an index had more is returned
// (namesRead, relationshipsRead against $hitBound), so the service can say the count is a floor.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($hitBound)})
    YIELD node, score
  RETURN node AS entity, score, null AS viaType, null AS viaText, 'names' AS source, null AS rel
  UNION ALL
  CALL db.index.fulltext.queryRelationships('relation_props_2', $query,
      {limit: toInteger($hitBound)})
    YIELD relationship, score
  UNWIND [startNode(relationship), endNode(relationship)] AS entity
  RETURN entity, score, type(relationship) AS viaType, relationship.propText AS viaText,
    'relationships' AS source, relationship AS rel
  UNION ALL
  // An exact name ranks first even where the index ranks it past its best hits.
  UNWIND $nameKeys AS key
  MATCH (:NameForm {key: key})-[f:NAMES]->(entity:Entity)
  WHERE coalesce(f.via, 'name') = 'name'
  RETURN entity, null AS score, null AS viaType, null AS viaText, 'exact' AS source, null AS rel
}
WITH collect({entity: entity, score: score, viaType: viaType, viaText: viaText}) AS rows,
  count(CASE source WHEN 'names' THEN 1 END) AS namesRead,
  count(DISTINCT rel) AS relationshipsRead
CALL (rows) {
  UNWIND rows AS row
  WITH row.entity AS entity, row.score AS score, row.viaType AS viaType, row.viaText AS viaText
  WHERE entity:Entity AND (size($kinds) = 0 OR entity.kind IN $kinds)
  ORDER BY score DESC
  WITH entity AS node, coalesce(max(score), 0.0) AS score,
    head([hit IN collect({type: viaType, text: viaText, score: score}) WHERE hit.score IS NOT NULL
      | {type: hit.type, text: hit.text}]) AS via
  // An entity named exactly as typed (any name form, folded as the query was) ranks first, then
  // one named exactly as one of the terms (汽车 轨道交通: 汽车 and 轨道交通), then by score.
  WITH node, score, via,
    [form IN [node.name, coalesce(node.nameEn, '')] + coalesce(node.aliases, []) | toLower(form)] AS forms
  WITH node, score, via, $exact IN forms AS exact, any(term IN $terms WHERE term IN forms) AS termExact
  ORDER BY exact DESC, termExact DESC, score DESC, node.id
  RETURN collect({node: node, score: score, via: via}) AS hits
}
// Only the page's entities are read out, as records without passages and facts.
CALL (hits) {
  UNWIND hits[toInteger($offset)..toInteger($offset + $first)] AS hit
  WITH hit, hit.node AS n
  RETURN collect({id: n.id, score: hit.score, via: hit.via,
    entity: n __ENTITY__}) AS page
}
RETURN size(hits) AS total, page, namesRead, relationshipsRead
