// The records of a chain map's imports, newest first.
MATCH (i:ChainMapImport)
WHERE i.importSet = $importSet
RETURN i.id AS id, i.importSet AS importSet, toString(i.at) AS at, i.actor AS actor,
  i.fileName AS fileName, i.checksum AS checksum, i.counts AS counts
ORDER BY i.at DESC
LIMIT toInteger($limit)
