//#uses $label, $kind, $nameContains, $district, $industry
// The entities a list's filters keep, as n: the page (list-entities-*, list-links-*, which then
// include list-sort-key) and its totalCount (count-entities) include this one text, so a count
// cannot drift from the pages it counts. $label is the kind when one is asked for (else Entity):
// a label lookup reads only that kind, where a property test on every Entity would read them
// all. Kind labels are only ever set on Entity nodes (seed-entities.cypher), and n.kind is still
// checked.
MATCH (n:$($label))
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($nameContains IS NULL
    OR any(form IN [n.name, coalesce(n.nameEn, '')] + n.aliases WHERE toLower(form) CONTAINS $nameContains))
  AND ($district IS NULL
    OR EXISTS { (n)-[:LOCATED_IN]->(:Entity {id: $district}) }
    OR EXISTS { (:Entity {id: $district})-[:CO_BUILT|DEVELOPS]->(n) })
  AND ($industry IS NULL
    OR EXISTS { (n)-[:FOCUSES_ON|ROADMAP_FOR]->(:Entity {id: $industry}) })
