// A batch of a backup's nodes, each with its labels and properties as backed up; returns the id
// each got in this store, so its relationships can find it without a key of their own.
UNWIND $rows AS row
CREATE (n)
SET n = row.props
SET n:$(row.labels)
RETURN row.key AS key, elementId(n) AS element
