/**
 * The largest number of hops a path or walk may take: the API refuses more (traversal service),
 * and the registry writes no query with a larger bound (src/db/cypher.ts, `__HOPS__`).
 */
export const MAX_HOPS = 6;

/**
 * How many links of one type, in one direction, a path search follows from an end that has more
 * links than this (a hub): its first ones in the sort-key indexes' order. An answer between ends
 * below it is exact; one past it says so (pathSearch's exhaustive). The default of PATH_HUB_BOUND
 * (src/config): the seeded graph's busiest entity has under a hundred links.
 */
export const DEFAULT_PATH_HUB_BOUND = 1_000;

/**
 * How many hits a search reads from each full-text index, best first (or offset + first, when a
 * page lies deeper): on a large graph a common bigram (研究) matches a large share of all names,
 * and reading and ranking them all took over 10 s on a million entities. Past it, search says
 * exhaustive: false and its totalCount is a floor. The default of SEARCH_HIT_BOUND (src/config):
 * the seeded graph's broadest search (研究院 or 成都) has under a hundred hits.
 */
export const DEFAULT_SEARCH_HIT_BOUND = 1_000;

/**
 * The most relationships of any kind (an entity's degree, read from the store without walking
 * them) an entity may have for a query to follow types given at run time from it, which Neo4j can
 * only do by walking all of its relationships, thousands for a hub:
 *
 * - reading ahead (links-of-key.cypher), whose types are written in its text, sorts all of an
 *   entity's links of the next level's type and direction: it reads them from entities with at
 *   most this many of them (counted from the store) only; a hub's field is read on its own, its
 *   first few links sought in the type's sort-key index: one round trip more for the level,
 *   whatever the hub's size;
 * - relation-counts.cypher counts such entities only; a hub's counts are read from the degree
 *   store by relation-counts-hubs.cypher, which names every type in its text: one round trip
 *   more for the counts of a hub;
 * - entity-degrees.cypher (a view node's degree and hasMore) walks such entities only, and sums a
 *   hub's degrees per type of the vocabulary from the store, in the same query.
 *
 * The seeded graph's busiest entity has under 50 relationships (mentions and name forms included).
 */
export const WALK_DEGREE_BOUND = 400;
