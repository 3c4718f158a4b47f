CREATE (m:MutationRecord {key: $key, requestHash: $requestHash, result: $result, action: $action, actor: $actor, at: datetime()})
RETURN m.key AS key
