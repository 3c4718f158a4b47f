MATCH (s:SeedState {id: $id})
RETURN s.checksum AS checksum
