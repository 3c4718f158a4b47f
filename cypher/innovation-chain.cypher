// The innovation chain deployed around an industry, in three levels. First what links to it
// directly (roadmaps, projects, carriers, institutions and supporters that focus on it); then what
// links to the roadmaps, projects, carriers and research institutes among those (project leads,
// participants and owners, districts, universities, supporting platforms, programs and tasks);
// then, for what those two levels reached, the districts and universities of a research institute
// (one that leads, takes part in or owns a project) and the funds and policies of a supporting
// platform, program, mechanism or policy (a fund part of it, a policy or fund supporting it, a
// policy it implements or delivers, a policy part of it) and who issued a policy (one of the
// first two levels: the third level's own ties are not read). Every item carries the chain of
// relationships from the item to the industry, as its evidence. Each branch returns at most
// $first rows, so a hub industry gives a bounded answer.
// One row: the entity asked for (whatever its kind, so the service can say it is no industry) and
// the items, none unless it is an Industry.
MATCH (target:Entity {id: $industryId})
CALL (target) {
  WITH target AS i
  WHERE i:Industry
  CALL (i) {
    MATCH (x:TechnologyRoadmap)-[r:ROADMAP_FOR]->(i)
    RETURN x, 'roadmap' AS role, [r] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (x:Project)-[r:FOCUSES_ON]->(i)
    RETURN x, 'project' AS role, [r] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (x:Project)-[r1:RELIES_ON]->(:TechnologyRoadmap)-[r2:ROADMAP_FOR]->(i)
    RETURN x, 'project' AS role, [r1, r2] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (x:Carrier)-[r:FOCUSES_ON]->(i)
    RETURN x, 'carrier' AS role, [r] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (x)-[r:FOCUSES_ON]->(i)
    WHERE x:University OR x:ResearchInstitute OR x:Enterprise OR x:Policy OR x:Program
      OR x:Platform OR x:Fund OR x:Mechanism
    RETURN x, 'focus' AS role, [r] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (e:Event)-[r1:FOCUSES_ON]->(i)
    MATCH (e)-[r2:LOCATED_IN]->(x:University)
    RETURN x, 'event-host' AS role, [r1, r2] AS rels
    LIMIT toInteger($first)
    UNION ALL
    MATCH (x)-[r:SUPPORTS|FUNDS]->(i)
    RETURN x, 'supporter' AS role, [r] AS rels
    LIMIT toInteger($first)
  }
  // As of a day, what no document had stated by then is left out here, before it anchors the
  // levels below, and at the end (the service reads more than $first per branch then).
  WITH i, collect({x: x, role: role, rels: rels}) AS found
  WITH i, [item IN found WHERE
    //#include as-of-item
  ] AS direct
  // The research institutes that focus on the industry are anchors of the second level, as the
  // roadmaps, projects and carriers are: their districts and universities are read there.
  WITH i, direct, [d IN direct WHERE d.role = 'focus' AND d.x:ResearchInstitute | d.x.id] AS institutes
  CALL (direct) {
    UNWIND direct AS d
    WITH d
    WHERE d.role IN ['roadmap', 'project', 'carrier'] OR (d.role = 'focus' AND d.x:ResearchInstitute)
    WITH d.x AS a, d.role AS anchorRole, d.rels AS anchorRels
    CALL (a, anchorRole) {
      MATCH (x)-[r:LEADS]->(a)
      WHERE anchorRole = 'project'
      RETURN x, 'lead' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (x)-[r:PARTICIPATES_IN]->(a)
      WHERE anchorRole = 'project'
      RETURN x, 'participant' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (a)-[r:BELONGS_TO]->(x)
      WHERE anchorRole = 'project'
      RETURN x, 'owner' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (x:District)-[r:DEVELOPS]->(a)
      WHERE anchorRole = 'carrier'
      RETURN x, 'district' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      //#include chain-affiliations
      UNION ALL
      MATCH (x)-[r:SUPPORTS|FUNDS]->(a)
      RETURN x, 'supporter' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (a)-[r:RELIES_ON]->(x:Platform)
      RETURN x, 'platform' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (x:Program)-[r:DELIVERS]->(a)
      RETURN x, 'task' AS role, r
      LIMIT toInteger($first)
    }
    RETURN collect({x: x, role: role, parent: a.id, rels: [r] + anchorRels}) AS second
  }
  CALL (direct, second, institutes) {
    UNWIND [item IN direct + second WHERE
      //#include as-of-item
    ] AS d
    WITH d.x AS a, d.rels AS rels
    WHERE (a:ResearchInstitute AND NOT a.id IN institutes)
      OR a:Platform OR a:Program OR a:Mechanism OR a:Policy OR a:Fund
    // Once each, through its path with the fewest inferred links (then the shortest).
    WITH a, rels
    ORDER BY size([r IN rels WHERE r.evidenceKind = 'inferred']), size(rels)
    WITH a, head(collect(rels)) AS anchorRels
    CALL (a) {
      //#include chain-affiliations
      UNION ALL
      MATCH (x:Fund)-[r:PART_OF]->(a)
      RETURN x, 'fund' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (x)-[r:SUPPORTS|FUNDS]->(a)
      WHERE (x:Fund OR x:Policy) AND NOT a:ResearchInstitute
      RETURN x, 'supporter' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (a)-[r:IMPLEMENTS|DELIVERS]->(x:Policy)
      RETURN x, 'policy' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (x:Policy)-[r:PART_OF]->(a:Policy)
      RETURN x, 'policy' AS role, r
      LIMIT toInteger($first)
      UNION ALL
      MATCH (a:Policy)-[r:ISSUED_BY]->(x)
      RETURN x, 'issuer' AS role, r
      LIMIT toInteger($first)
    }
    RETURN collect({x: x, role: role, parent: a.id, rels: [r] + anchorRels}) AS third
  }
  UNWIND [item IN direct + second + third WHERE
    //#include as-of-item
  ] AS item
  WITH item, item.x AS n
  // Each item's entity record (without its passages and facts, which the details loader reads
  // only when asked), so the service needs no further round trip to show the items.
  RETURN collect({
    id: n.id, kind: n.kind, role: item.role, parent: item.parent,
    // Each relationship as its id (which holds the endpoints), type and kind of evidence; the
    // quotes are read only if a query asks for them. An inferred one brings what inferred it
    // (its note and quotes, and the names of its ends), for the item's stated reason.
    rels: [r IN item.rels | r {.id, .evidenceKind, .confidence, type: type(r),
      why: CASE WHEN r.evidenceKind = 'inferred'
        THEN {note: r.note, quotes: r.quotes, source: startNode(r).name, target: endNode(r).name}
      END}],
    entity: CASE WHEN n:Entity THEN n __ENTITY__ END
  }) AS items
}
RETURN target __ENTITY__ AS industry, items
