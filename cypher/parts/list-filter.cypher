//#uses $kind, $nameContains, $district, $industry
// The entities a list's filters keep, as n: the page (list-entities-*, list-links-*, which then
// include list-sort-key) and its totalCount (count-entities) include this one text, written for
// the same list, so a count cannot drift from the pages it counts. The label is the kind when one
// is asked for (else Entity): a label lookup reads only that kind, where a property test on every
// Entity would read them all; n.kind is tested only when the kind is not a label of the
// vocabulary (ListRepository). A filter that is not set is not written (`//#if-…`).
MATCH (n:__LIST_LABEL__)
WHERE true
//#if-kind
  AND n.kind = $kind
//#end-if-kind
//#if-name-contains
  AND any(form IN [n.name, coalesce(n.nameEn, '')] + n.aliases WHERE toLower(form) CONTAINS $nameContains)
//#end-if-name-contains
//#if-district
  AND (EXISTS { (n)-[:LOCATED_IN]->(:Entity {id: $district}) }
    OR EXISTS { (:Entity {id: $district})-[:CO_BUILT|DEVELOPS]->(n) })
//#end-if-district
//#if-industry
  AND EXISTS { (n)-[:FOCUSES_ON|ROADMAP_FOR]->(:Entity {id: $industry}) }
//#end-if-industry
