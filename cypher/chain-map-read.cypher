// An industry's chain map: its segments (from imported chain maps), each with its place, parent,
// the segments it supplies, and its members with their roles, districts and citations. One row:
// the entity asked for (whatever its kind, so the service can say it is no industry) and the
// segments, none when no chain map covers it.
MATCH (i:Entity {id: $industryId})
OPTIONAL MATCH (s:ChainSegment)-[so:SEGMENT_OF]->(i)
CALL (s) {
  OPTIONAL MATCH (m:Entity)-[r:IN_SEGMENT]->(s)
  OPTIONAL CALL (m) {
    MATCH (m)-[:LOCATED_IN]->(d:District)
    RETURN collect(d __ENTITY__) AS districts
  }
  WITH m, r, districts
  ORDER BY m.name, m.id
  RETURN collect(CASE WHEN m IS NOT NULL THEN {
    entity: m __ENTITY__, role: r.role, citation: r.citation, districts: districts
  } END) AS members
}
CALL (s) {
  OPTIONAL MATCH (s)-[:UPSTREAM_OF]->(t:ChainSegment)
  RETURN collect(t.id) AS supplies
}
CALL (s) {
  OPTIONAL MATCH (s)-[:PART_OF]->(p:ChainSegment)
  RETURN head(collect(p.id)) AS parent
}
WITH i, s, so, members, supplies, parent
ORDER BY s.name, s.id
RETURN i __ENTITY__ AS industry,
  collect(CASE WHEN s IS NOT NULL THEN {
    segment: s __ENTITY__, citation: so.citation, members: members, supplies: supplies, parent: parent
  } END) AS segments
