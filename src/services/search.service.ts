import { BadUserInputError } from "../errors";
import type { EntityRecord } from "../model/records";
import type { SearchRepository } from "../repositories/search.repository";
import { decodeCursor, encodeCursor, pageSize, type PageInfoRecord } from "./pagination";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_QUERY_LENGTH = 200;
const MAX_OFFSET = 10_000;

export interface SearchResult {
  readonly totalCount: number;
  readonly edges: readonly {
    readonly node: EntityRecord;
    readonly score: number;
    readonly cursor: string;
  }[];
  readonly pageInfo: PageInfoRecord;
}

/**
 * Turns what a user typed into a Lucene query that cannot fail to parse: each whitespace-separated
 * term becomes a quoted phrase (so 电子科 matches the bigrams 电子 子科 in sequence, a substring),
 * and all terms must match.
 */
export function toLuceneQuery(text: string): string {
  const terms = text
    .normalize("NFKC")
    .replace(LUCENE_SPECIAL, " ")
    .split(/\s+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    // AND, OR and NOT are operators to Lucene even inside our phrases' neighbourhood; lower case is not.
    .map((term) => `"${term.toLowerCase()}"`);
  return terms.join(" AND ");
}

/** Ranked full-text search with a Relay connection. */
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(
    query: string,
    kinds: readonly string[],
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<SearchResult> {
    const trimmed = query.trim();
    if (trimmed.length === 0) throw new BadUserInputError("query must not be empty", "query");
    if (trimmed.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
    }
    const size = pageSize(first, "first");
    const offset = after === null || after === undefined ? 0 : offsetOf(after);
    const lucene = toLuceneQuery(trimmed);
    if (lucene.length === 0) {
      return emptyResult();
    }
    const page = await this.repository.search(lucene, kinds, offset, size);
    const edges = page.hits.map((hit, index) => ({
      node: hit.entity,
      score: hit.score,
      cursor: encodeCursor("search", offset + index + 1),
    }));
    return {
      totalCount: page.total,
      edges,
      pageInfo: {
        hasNextPage: offset + page.hits.length < page.total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

function offsetOf(after: string): number {
  const value = decodeCursor("search", after, "after");
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_OFFSET) {
    throw new BadUserInputError("after is not a valid cursor for this search", "after");
  }
  return value;
}

function emptyResult(): SearchResult {
  return {
    totalCount: 0,
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}
