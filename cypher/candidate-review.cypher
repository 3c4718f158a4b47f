// Records a review, only of a candidate still pending: a second review of the same candidate
// changes nothing and returns no row, so the caller can say it was already reviewed.
MATCH (c:Candidate {id: $id})
WHERE c.status = 'pending'
SET c.status = $status, c.outcome = $outcome, c.reason = $reason,
  c.reviewedBy = $actor, c.reviewedAt = toString(datetime())
RETURN c {.*} AS candidate
