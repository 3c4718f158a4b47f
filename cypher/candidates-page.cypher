// A document's candidates in review order (most confident first, then by place in the text),
// filtered; the page after `$after` (an offset cursor), with the total the filters leave.
MATCH (c:Candidate {documentId: $documentId})
WHERE ($status IS NULL OR c.status = $status)
  AND ($kind IS NULL OR c.kind = $kind)
  AND c.confidence >= $minConfidence
WITH c
ORDER BY c.confidence DESC, c.start, c.id
WITH collect(c) AS found
RETURN size(found) AS total,
  [c IN found[toInteger($offset)..toInteger($offset) + toInteger($limit)] | c {.*}] AS items
