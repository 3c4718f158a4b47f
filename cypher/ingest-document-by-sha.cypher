// The document already stored with this text, if any: ingesting the same text twice changes nothing.
MATCH (d:Document {sha256: $sha256})
RETURN d.id AS id
LIMIT 1
