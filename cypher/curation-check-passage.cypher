MATCH (d:Document {id: $documentId})
RETURN d.text IS NOT NULL AND substring(d.text, toInteger($start), size($quote)) = $quote AS found,
  size(d.text) AS length
