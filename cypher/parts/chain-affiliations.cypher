//#uses a, $first
// Branches of a UNION ALL (innovation-chain.cypher): the districts and universities of a carrier
// or research institute `a` of an innovation chain, each with the relationship that ties it: the
// district it is located in or that co-built it, the university it is affiliated with or that
// co-built it (锦江区 and 北京大学 co-built 节能环保产业研究院). At most $first of each.
MATCH (a)-[r:LOCATED_IN]->(x:District)
WHERE a:Carrier OR a:ResearchInstitute
RETURN x, 'district' AS role, r
LIMIT toInteger($first)
UNION ALL
MATCH (x:District)-[r:CO_BUILT]->(a)
WHERE a:Carrier OR a:ResearchInstitute
RETURN x, 'district' AS role, r
LIMIT toInteger($first)
UNION ALL
MATCH (a)-[r:AFFILIATED_WITH]->(x:University)
WHERE a:Carrier OR a:ResearchInstitute
RETURN x, 'university' AS role, r
LIMIT toInteger($first)
UNION ALL
MATCH (x:University)-[r:CO_BUILT]->(a)
WHERE a:Carrier OR a:ResearchInstitute
RETURN x, 'university' AS role, r
LIMIT toInteger($first)
