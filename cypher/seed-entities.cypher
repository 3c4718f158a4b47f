UNWIND $rows AS row
// Curation wins over seeds: an entity a curator deleted stays deleted, one a curator edited keeps
// the edit.
OPTIONAL MATCH (tomb:Tombstone {id: row.id})
WITH row
WHERE tomb IS NULL
MERGE (n:Entity {id: row.id})
WITH n, row
WHERE NOT coalesce(n.curated, false)
WITH n, row, n.name AS before
SET n += row.props
SET n:$(row.kind)
WITH n, row, before
// A kind that changed between seedings must not leave its old label behind.
REMOVE n:$([label IN labels(n) WHERE label <> 'Entity' AND label <> row.kind])
// Entities whose name changed: the sort keys of their relationships hold the old one.
// written: the entities seeding owns this time; only they get their name forms from the seeds.
RETURN count(n) AS count,
  collect(n.id) AS written,
  collect(CASE WHEN before IS NOT NULL AND before <> n.name THEN n.id END) AS renamed
