// The relationships a chain map (its import set) brought in. They may join entities of the
// documents, so every relationship is looked at; a chain map holds at most a few hundred thousand.
MATCH (s:Entity)-[r]->(t:Entity)
WHERE r.importSet = $importSet
RETURN s.id AS source, type(r) AS type, t.id AS target, r.citation AS citation, r.role AS role
