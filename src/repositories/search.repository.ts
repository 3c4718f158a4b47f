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

export interface SearchQuery {
  readonly lucene: string;
  readonly exact: string;
  readonly terms: readonly string[];
  readonly nameKeys: readonly string[];
  readonly kinds: readonly string[];
  readonly offset: number;
  readonly first: number;
  readonly hitBound: number;
}

export interface SearchPage {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** False when an index had at least hitBound hits: only its best were read, total is a floor. */
  readonly exhaustive: boolean;
}

/**
 * Full-text search over every name form (index entity_names) and over relationships' own
 * properties (index relation_props_2), both with the CJK analyzer.
 */
export class SearchRepository {
  constructor(private readonly db: Queries) {}

  /**
   * The best `hitBound` hits of the Lucene query from each index, with the entities one of whose
   * name-form keys is in `nameKeys`; entities with a name form equal to `exact` (the folded query)
   * first, then those with a name form equal to one of `terms`.
   */
  async search(query: SearchQuery): Promise<SearchPage> {
    const [row] = await this.db.read("search-entities", {
      query: query.lucene,
      exact: query.exact,
      terms: query.terms,
      nameKeys: query.nameKeys,
      kinds: query.kinds,
      offset: query.offset,
      first: query.first,
      hitBound: query.hitBound,
    });
    const read = Math.max(Number(row?.namesRead ?? 0), Number(row?.relationshipsRead ?? 0));
    return {
      total: Number(row?.total ?? 0),
      exhaustive: read < query.hitBound,
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
