UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
// An automatic mention the seeds no longer find (a name form changed) stops being evidence; the
// mentions curators attached carry no kind and stay.
MATCH (n)-[m:MENTIONED_IN {kind: 'automatic'}]->(p:Passage)
WHERE NOT p.id IN row.passageIds
DELETE m
RETURN count(*) AS pruned
