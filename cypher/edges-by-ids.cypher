// Relationships by edge id (source|TYPE|target), whole: ends, type, evidence kind, confidence,
// quotes and an imported one's citation. Each is found from its endpoints through the entity id index; an id that names no
// relationship gives no row.
UNWIND $ids AS id
WITH id, split(id, '|') AS parts
WHERE size(parts) = 3
MATCH (a:Entity {id: parts[0]})-[r]->(b:Entity {id: parts[2]})
WHERE type(r) = parts[1]
RETURN id, type(r) AS type, a.id AS source, b.id AS target,
  r {.id, .evidenceKind, .confidence, .evidence, .quotes, .citation} AS props
