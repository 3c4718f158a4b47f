MATCH (a:Audit)
WHERE a.entityId = $id OR $id IN a.relatedIds
RETURN a {.id, .actor, .action, .entityId, .relatedIds, .before, .after, .evidence, .idempotencyKey, at: toString(a.at)} AS audit
ORDER BY a.at, a.id
LIMIT toInteger($limit)
