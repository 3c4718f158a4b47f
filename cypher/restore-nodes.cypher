// A batch of a backup's nodes, each with its labels and properties as backed up, tagged with its
// backup key until restore-finish removes it.
UNWIND $rows AS row
CREATE (n:RestoreNode)
SET n = row.props
SET n.restoreKey = row.key
SET n:$(row.labels)
RETURN count(n) AS count
