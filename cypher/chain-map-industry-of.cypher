// The industry whose chain a segment belongs to (SEGMENT_OF), or none.
MATCH (s:ChainSegment {id: $segmentId})-[:SEGMENT_OF]->(i:Industry)
RETURN i.id AS industryId
LIMIT 1
