UNWIND $keys AS key
MATCH (:NameForm {key: key})-[:NAMES]->(n:Entity)
RETURN key, n.id AS id
ORDER BY key, n.id
