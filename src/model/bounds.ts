/**
 * The largest number of hops a path or walk may take: the API refuses more (traversal service),
 * and the registry writes no query with a larger bound (src/db/cypher.ts, `__HOPS__`).
 */
export const MAX_HOPS = 6;
