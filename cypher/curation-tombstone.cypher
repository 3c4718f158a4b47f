MERGE (t:Tombstone {id: $id})
ON CREATE SET t.at = datetime(), t.what = $what
RETURN t.id AS id
