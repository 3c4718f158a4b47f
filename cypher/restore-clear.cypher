// Empties the database before a forced restore, in batches so a large store fits in memory.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
