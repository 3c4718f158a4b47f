//#uses n, key, $linkLimit, $walkDegreeBound
// The links of one relationship type (__TYPE__, put in by the registry from the vocabulary) of the
// entity n a key starts from (null when there is none), as `links`: in the order of the other
// end's name, then id, at most key.limit of them. The key names its direction by a prefix,
// key.outPrefix or key.inPrefix (the entity's id and U+0001; the other is null, which matches
// nothing), which seeks the type's sort-key index (relation-sort-indexes.cypher): the index walks
// the entity's links already in that order, and the seek stops after $linkLimit entries, whatever
// the entity's degree. A dynamic type could not use the index.
CALL (n, key) {
  CALL (key) {
    MATCH ()-[r:__TYPE__]->(m:Entity)
    USING INDEX SEEK r:__TYPE__(outKey)
    WHERE r.outKey STARTS WITH key.outPrefix
    WITH r, m, r.outKey AS sortKey
    ORDER BY sortKey
    LIMIT toInteger($linkLimit)
    RETURN r, m, 'OUT' AS direction, sortKey
    UNION ALL
    MATCH (m:Entity)-[r:__TYPE__]->()
    USING INDEX SEEK r:__TYPE__(inKey)
    WHERE r.inKey STARTS WITH key.inPrefix
    WITH r, m, r.inKey AS sortKey
    ORDER BY sortKey
    LIMIT toInteger($linkLimit)
    RETURN r, m, 'IN' AS direction, sortKey
  }
  WITH r, m, direction, sortKey
  ORDER BY sortKey
  WITH collect({r: r, m: m, direction: direction})[..toInteger(key.limit)] AS links
  UNWIND links AS link
  WITH link.r AS r, link.m AS m, link.direction AS direction
  // key.next names the links a query asks for one level further (ResearchInstitute → its
  // universities, say): each entity at the other end brings those too, ordered and capped as a
  // query of their own would be, so two levels of fields cost one round trip. Each is written into
  // the text, one block per step of the query's ForType.ahead (src/db/cypher.ts), in key.next's
  // order: its kind, its type and its direction. A type in the text is followed through the
  // entity's own chain of that type; a type given as a parameter would walk all of the entity's
  // relationships to find it. The first branch reads nothing, so that without steps the block is
  // still a query (and nested is empty). Reading ahead sorts all of an entity's links of the step's
  // type and direction, so an entity with more than $walkDegreeBound of them (counted from the
  // store) is left out: without its entry, its field reads it on its own, from the sort-key index
  // (WALK_DEGREE_BOUND in src/model/bounds.ts). Its links of other types do not count.
  CALL (m, key) {
    CALL (m, key) {
      UNWIND [] AS next
      RETURN next, [] AS further
      //#each-ahead
      UNION ALL
      WITH m, key.next[__AHEAD_INDEX__] AS next
      WHERE m.kind = '__AHEAD_KIND__'
        AND COUNT { (m)__AHEAD_LEFT__-[:__AHEAD_TYPE__]-__AHEAD_RIGHT__() } <= $walkDegreeBound
      OPTIONAL MATCH (m)__AHEAD_LEFT__-[r2:__AHEAD_TYPE__]-__AHEAD_RIGHT__(o:Entity)
      WITH next, r2, o
      ORDER BY o.name, o.id
      RETURN next, collect(CASE WHEN o IS NOT NULL THEN {
        type: type(r2), direction: next.direction,
        props: CASE WHEN next.bare THEN r2 {.id} ELSE r2 {.*, quotes: null, evidence: null, propText: null, outKey: null, inKey: null} END,
        otherEntity: CASE WHEN next.names THEN o __NAMES_ENTITY__ WHEN next.brief THEN o __BRIEF_ENTITY__ ELSE o __ENTITY__ END
      } END)[..toInteger(next.limit)] AS further
      //#end-each-ahead
    }
    RETURN collect({type: next.type, direction: next.direction, limit: next.limit, brief: next.brief, names: next.names, bare: next.bare, links: further}) AS nested
  }
  // The entity at the other end comes along (without its passages and facts, which the details
  // loader reads only when asked), so University.coBuiltInstitutes { node { name } } costs one
  // round trip, not two. A link comes without its quotes and sort keys (long texts, decoded for
  // nothing unless a query asks for evidence, which the edge-evidence loader then reads).
  // key.brief (and next.brief): the query asks the other ends for none of their long fields
  // (BRIEF_LEAVES_OUT in src/model/records.ts), so they come brief, without them: a description is
  // most of an entity's record, and decoding it costs the service more than the query costs Neo4j.
  // key.names (and next.names): brief, and asked for none of NAMES_LEAVES_OUT either, so they
  // come as their id, kind and name: fewer properties for Neo4j to read and the service to decode.
  // key.bare (and next.bare): the query asks the links for none of the fields read from their
  // properties (BARE_LEAVES_OUT), so a link's props are its id alone: the properties are most of
  // a link's row, and a nested list of a few hundred links decodes thousands of them for nothing.
  RETURN collect({
    type: type(r), direction: direction,
    props: CASE WHEN key.bare THEN r {.id} ELSE r {.*, quotes: null, evidence: null, propText: null, outKey: null, inKey: null} END,
    otherEntity: CASE WHEN key.names THEN m __NAMES_ENTITY__ WHEN key.brief THEN m __BRIEF_ENTITY__ ELSE m __ENTITY__ END,
    nested: nested
  }) AS links
}
