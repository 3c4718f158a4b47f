// Removes the restore's own tag and key, so the restored graph holds only what was backed up.
MATCH (n:RestoreNode)
CALL (n) {
  REMOVE n:RestoreNode
  REMOVE n.restoreKey
} IN TRANSACTIONS OF 10000 ROWS
