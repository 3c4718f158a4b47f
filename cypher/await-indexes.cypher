// Waits until every index is online (new sort-key indexes on a large graph populate in the
// background), so no query that names one with a hint meets it while it populates.
CALL db.awaitIndexes($seconds)
