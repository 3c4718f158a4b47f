MATCH (n:Entity)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($nameContains IS NULL
    OR any(form IN [n.name, coalesce(n.nameEn, '')] + n.aliases WHERE toLower(form) CONTAINS $nameContains))
  AND ($district IS NULL
    OR EXISTS { (n)-[:LOCATED_IN]->(:Entity {id: $district}) }
    OR EXISTS { (:Entity {id: $district})-[:CO_BUILT|DEVELOPS]->(n) })
  AND ($industry IS NULL
    OR EXISTS { (n)-[:FOCUSES_ON|ROADMAP_FOR]->(:Entity {id: $industry}) })
RETURN count(n) AS total
