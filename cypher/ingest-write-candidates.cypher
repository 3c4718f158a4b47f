// A document's candidates, found by documentId (indexed): stored records, like the audit trail,
// with the time they were proposed.
UNWIND $rows AS row
CREATE (c:Candidate)
SET c = row
SET c.at = datetime()
RETURN count(c) AS count
