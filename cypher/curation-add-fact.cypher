// A number a document states about an entity, accepted from review: the Fact node, its entity and
// the passage that states it, as seeding writes them.
MATCH (n:Entity {id: $entityId})
MATCH (p:Passage {id: $passageId})
CREATE (f:Fact)
SET f = $props
CREATE (n)-[:HAS_FACT]->(f)
CREATE (f)-[:STATED_IN]->(p)
RETURN f.id AS id
