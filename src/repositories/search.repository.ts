import { asList, asObject, asText } from "../db/values";
import type { EntityRecord } from "../model/records";
import { recordOf } from "./entity.repository";
import type { Queries } from "../db/database";

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  /** The relationship whose properties matched, when that was the entity's best hit. */
  readonly via: { readonly type: string; readonly text: string } | null;
  /** Without passages and facts. */
  readonly entity: EntityRecord;
}

export interface SearchPage {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/**
 * Full-text search over every name form (index entity_names) and over relationships' own
 * properties (index relation_props_2), both with the CJK analyzer.
 */
export class SearchRepository {
  constructor(private readonly db: Queries) {}

  /**
   * Hits of the Lucene query; entities with a name form equal to `exact` (the folded query) first,
   * then those with a name form equal to one of `terms`.
   */
  async search(
    luceneQuery: string,
    exact: string,
    terms: readonly string[],
    kinds: readonly string[],
    offset: number,
    first: number,
  ): Promise<SearchPage> {
    const [row] = await this.db.read("search-entities", {
      query: luceneQuery,
      exact,
      terms,
      kinds,
      offset,
      first,
    });
    return {
      total: Number(row?.total ?? 0),
      hits: asList(row?.page).map((hit) => {
        const o = asObject(hit);
        const via = asObject(o.via);
        return {
          id: asText(o.id),
          score: Number(o.score),
          via:
            typeof via.type === "string" && typeof via.text === "string"
              ? { type: via.type, text: via.text }
              : null,
          entity: recordOf(o.entity),
        };
      }),
    };
  }
}
