MATCH (m:MutationRecord {key: $key})
RETURN m.requestHash AS requestHash, m.result AS result
