MATCH (t:Tombstone {id: $id})
DELETE t
RETURN count(*) AS removed
