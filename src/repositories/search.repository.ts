import { asText } from "../db/values";
import type { Queries } from "../db/database";

export interface SearchHit {
  readonly id: string;
  readonly score: number;
}

export interface SearchPage {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** Full-text search over every name form (index entity_names, CJK analyzer). */
export class SearchRepository {
  constructor(private readonly db: Queries) {}

  async search(
    luceneQuery: string,
    kinds: readonly string[],
    offset: number,
    first: number,
  ): Promise<SearchPage> {
    const [row] = await this.db.read("search-entities", {
      query: luceneQuery,
      kinds,
      offset,
      first,
    });
    const page = Array.isArray(row?.page) ? row.page : [];
    return {
      total: Number(row?.total ?? 0),
      hits: page.map((hit) => {
        const o = hit !== null && typeof hit === "object" && !Array.isArray(hit) ? hit : {};
        return { id: asText(o.id), score: Number(o.score) };
      }),
    };
  }
}
