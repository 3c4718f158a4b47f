// What an export's records.json holds, by id: tombstones, audit entries, chain-map import records.
// The label comes from a closed list (model/seed-rows.ts RecordLabel); `at` is stored as a datetime.
UNWIND $rows AS row
MERGE (n:$(row.label) {id: row.id})
SET n += row.props
SET n.at = datetime(row.at)
RETURN count(n) AS count
