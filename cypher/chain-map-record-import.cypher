// The record of one applied import: who, when, which file (name and checksum), what it changed.
CREATE (i:ChainMapImport {
  id: $id,
  importSet: $importSet,
  at: datetime(),
  actor: $actor,
  fileName: $fileName,
  checksum: $checksum,
  counts: $counts
})
RETURN i.id AS id
