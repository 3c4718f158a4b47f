UNWIND $ids AS id
MATCH (c:Candidate {id: id})
RETURN c {.*} AS candidate
