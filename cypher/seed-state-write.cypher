MERGE (s:SeedState {id: $id})
SET s.checksum = $checksum
RETURN s.checksum AS checksum
