CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.id
WITH collect({id: node.id, score: score}) AS hits
RETURN size(hits) AS total, hits[toInteger($offset)..toInteger($offset + $first)] AS page
