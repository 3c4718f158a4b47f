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
