// Every stored document, newest first (undated last), with how many of its candidates wait for
// review: the list a curator picks a review queue from.
MATCH (d:Document)
OPTIONAL MATCH (c:Candidate {documentId: d.id, status: 'pending'})
WITH d, count(c) AS pending
RETURN d.id AS id, d.title AS title, d.date AS date, d.issuer AS issuer, d.source AS source,
  d.origin AS origin, d.format AS format, d.pages AS pages, d.ingestedAt AS ingestedAt,
  size(d.text) AS characters, pending
ORDER BY d.date IS NULL, d.date DESC, d.id
