//#uses n, key, $linkLimit, $walkDegreeBound
// The links of one relationship type (__TYPE__, put in by the registry from the vocabulary) of the
// entity n a key starts from (null when there is none), as `links`: in the order of the other
// end's name, then id, at most key.limit of them. The text is written for one direction and one
// shape of links (ForType.links in src/db/cypher.ts): the pattern's arrow (__KEY_LEFT__,
// __KEY_RIGHT__), the sort-key index of that direction (__KEY_SORT__: outKey or inKey) and the
// projections of that shape (__KEY_ENTITY__, __KEY_LINK__). key.prefix (the entity's id and
// U+0001) seeks the index (relation-sort-indexes.cypher): the index walks the entity's links
// already in that order, and the seek stops after $linkLimit entries, whatever the entity's
// degree. A dynamic type could not use the index.
CALL (n, key) {
  MATCH ()__KEY_LEFT__-[r:__TYPE__]-__KEY_RIGHT__(m:Entity)
  USING INDEX SEEK r:__TYPE__(__KEY_SORT__)
  WHERE r.__KEY_SORT__ STARTS WITH key.prefix
  WITH r, m
  ORDER BY r.__KEY_SORT__
  LIMIT toInteger($linkLimit)
  WITH collect({r: r, m: m})[..toInteger(key.limit)] AS links
  UNWIND links AS link
  WITH link.r AS r, link.m AS m
  // The links a query asks for one level further (ResearchInstitute → its universities, say):
  // each entity at the other end brings those too, ordered and capped as a query of their own
  // would be, so two levels of fields cost one round trip. Each is written into the text, one
  // block per step of the query's ForType.ahead (src/db/cypher.ts), in order: its kind, its type,
  // its direction and its shape; key.nextLimits holds each step's limit, and a step's links come
  // back under its place in that order (`step`), which the service reads the rest from. A type in the text is followed through the
  // entity's own chain of that type; a type given as a parameter would walk all of the entity's
  // relationships to find it. Without steps the block is not written, and nested is empty.
  // Reading ahead sorts all of an entity's links of the step's
  // type and direction, so an entity with more than $walkDegreeBound of them (counted from the
  // store) is left out: without its entry, its field reads it on its own, from the sort-key index
  // (WALK_DEGREE_BOUND in src/model/bounds.ts). Its links of other types do not count.
  //#with-ahead
  CALL (m, key) {
    CALL (m, key) {
      //#each-ahead UNION ALL
      WITH m, key.nextLimits[__AHEAD_INDEX__] AS nextLimit
      WHERE m.kind = '__AHEAD_KIND__'
        AND COUNT { (m)__AHEAD_LEFT__-[:__AHEAD_TYPE__]-__AHEAD_RIGHT__() } <= $walkDegreeBound
      OPTIONAL MATCH (m)__AHEAD_LEFT__-[r2:__AHEAD_TYPE__]-__AHEAD_RIGHT__(o:Entity)
      WITH nextLimit, r2, o
      ORDER BY o.name, o.id
      WITH nextLimit, collect(CASE WHEN o IS NOT NULL THEN {
        props: r2 __AHEAD_LINK__,
        otherEntity: o __AHEAD_ENTITY__
      } END) AS found
      RETURN __AHEAD_INDEX__ AS step, found[..toInteger(nextLimit)] AS further
      //#end-each-ahead
    }
    RETURN collect({step: step, links: further}) AS nested
  }
  //#end-with-ahead
  //#without-ahead
  WITH r, m, [] AS nested
  //#end-without-ahead
  // The entity at the other end comes along (without its passages and facts, which the details
  // loader reads only when asked), so University.coBuiltInstitutes { node { name } } costs one
  // round trip, not two. A link comes without its quotes and sort keys (long texts, decoded for
  // nothing unless a query asks for evidence, which the edge-evidence loader then reads).
  // The shape (LinkShape in src/model/records.ts) is the query's, written in (__KEY_ENTITY__ and
  // __KEY_LINK__ here, __AHEAD_ENTITY__ and __AHEAD_LINK__ for a step). Brief: the query asks the
  // other ends for none of their long fields (BRIEF_LEAVES_OUT), so they come without them: a
  // description is most of an entity's record, and decoding it costs the service more than the
  // query costs Neo4j. Names: brief, and asked for none of NAMES_LEAVES_OUT either, so they come
  // as their id, kind and name. Bare: the query asks the links for none of the fields read from
  // their properties (BARE_LEAVES_OUT), so a link's props are its id alone: the properties are
  // most of a link's row, and a nested list of a few hundred links decodes thousands of them.
  // A link comes without its type and direction, which the text names and the service knows.
  RETURN collect({
    props: r __KEY_LINK__,
    otherEntity: m __KEY_ENTITY__,
    nested: nested
  }) AS links
}
