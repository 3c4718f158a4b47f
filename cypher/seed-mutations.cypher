// An export's idempotency records (records.json), by key, so a replayed request still answers
// with its first result.
UNWIND $rows AS row
MERGE (m:MutationRecord {key: row.key})
SET m += row.props
SET m.at = datetime(row.at)
RETURN count(m) AS count
