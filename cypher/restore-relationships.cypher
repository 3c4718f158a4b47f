// A batch of a backup's relationships, between nodes found by their backup keys.
UNWIND $rows AS row
MATCH (a:RestoreNode {restoreKey: row.source})
MATCH (b:RestoreNode {restoreKey: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS count
