import { entityTier, type ListFilterText, type ListPageText } from "../db/cypher";
import type { Queries, Row } from "../db/database";
import { asText, type JsonValue } from "../db/values";
import type {
  CountBucket,
  DirectionValue,
  EntityRecord,
  KindCount,
  LinkShape,
  PrefetchLink,
} from "../model/records";
import {
  PrefetchedLinks,
  recordOf,
  type KeyedRelations,
  type RelationKey,
} from "./entity.repository";
import { isEntityKind } from "../model/vocabulary";
import { WALK_DEGREE_BOUND } from "../model/bounds";

export interface ListFilter {
  readonly kind: string | null;
  /** Lower-cased substring of any name form. */
  readonly nameContains: string | null;
  readonly district: string | null;
  readonly industry: string | null;
}

export interface ListPageQuery {
  readonly filter: ListFilter;
  readonly sortField: "name" | "pinyin" | "id";
  readonly order: "asc" | "desc";
  readonly cursor: { readonly key: string; readonly id: string } | null;
  readonly limit: number;
  /** Count every entity the filter keeps too, in the same query (the list's totalCount). */
  readonly withTotal: boolean;
  /** Read the page's entities brief (EntityRecord.brief): the query asks them for none of BRIEF_LEAVES_OUT. */
  readonly brief: boolean;
  /** Read them as their names alone (EntityRecord.names): none of NAMES_LEAVES_OUT either. */
  readonly names: boolean;
}

export interface ListRow {
  readonly id: string;
  readonly sortKey: string;
  readonly entity: EntityRecord;
}

/** The links of one type and direction a list page reads for each of its entities. */
export interface PageLinks extends LinkShape {
  readonly type: string;
  readonly direction: DirectionValue;
  readonly limit: number;
  /** The links to read one level further, from the entities found. */
  readonly next: readonly PrefetchLink[];
}

export interface ListPage {
  readonly rows: ListRow[];
  /** With PageLinks: each entity's links, and those read one level further, by key. */
  readonly links: KeyedRelations[];
  /**
   * With `withTotal`, how many entities the filter keeps; null without it, or when the page is
   * empty (a query with no row brings no count: count(filter) says).
   */
  readonly total: number | null;
}

/** Filtered, keyset-paginated entity lists and the counts dashboards show. */
export class ListRepository {
  constructor(private readonly db: Queries) {}

  /**
   * The page's entities, as records without passages and facts, with their sort keys. With
   * `links`, each entity's links of that type and direction too (and those they bring one level
   * further), in the same query: the typed list query seeks them in the type's sort-key index.
   */
  async page(query: ListPageQuery, links: PageLinks | null = null): Promise<ListPage> {
    const list = pageText(query);
    // Only the parameters the text written for this page reads: the rest are not in it.
    const params = {
      ...filterParams(query.filter, list),
      ...(query.cursor === null ? {} : { cursorKey: query.cursor.key, cursorId: query.cursor.id }),
      limit: query.limit,
    };
    const totalOf = (rows: readonly Row[]): number | null =>
      query.withTotal && rows[0] !== undefined ? Number(rows[0].total) : null;
    if (links === null) {
      const rows = await this.db.read(
        { query: query.order === "asc" ? "list-entities-asc" : "list-entities-desc", list },
        params,
      );
      return { rows: rows.map(toListRow), links: [], total: totalOf(rows) };
    }
    const rows = await this.db.read(
      {
        query: query.order === "asc" ? "list-links-asc" : "list-links-desc",
        type: links.type,
        links: {
          direction: links.direction,
          brief: links.brief,
          names: links.names,
          bare: links.bare,
        },
        ahead: links.next,
        list,
      },
      {
        ...params,
        linkLimit: links.limit,
        // Read only by the steps' block, which a text without steps does not have.
        ...(links.next.length === 0
          ? {}
          : {
              walkDegreeBound: WALK_DEGREE_BOUND,
              nextLimits: links.next.map((step) => step.limit),
            }),
      },
    );
    const prefetched = new PrefetchedLinks();
    const read = rows.map((row) => {
      const listed = toListRow(row);
      const key: RelationKey = {
        id: listed.id,
        type: links.type,
        direction: links.direction,
        limit: links.limit,
        brief: links.brief,
        names: links.names,
        bare: links.bare,
      };
      const relations = prefetched.linksOf(listed.id, row.links, { ...key, next: links.next });
      return { listed, key, relations };
    });
    return {
      rows: read.map(({ listed }) => listed),
      links: [...read.map(({ key, relations }) => ({ key, relations })), ...prefetched.reads()],
      total: totalOf(rows),
    };
  }

  async count(filter: ListFilter): Promise<number> {
    const list = filterText(filter);
    const [row] = await this.db.read({ query: "count-entities", list }, filterParams(filter, list));
    return Number(row?.total ?? 0);
  }

  async countsByKind(): Promise<KindCount[]> {
    const rows = await this.db.read("counts-by-kind");
    return rows.map((row) => ({ kind: asText(row.kind), count: Number(row.count) }));
  }

  async countsByDistrict(): Promise<CountBucket[]> {
    return (await this.db.read("counts-by-district")).map(toBucket);
  }

  async countsByIndustry(): Promise<CountBucket[]> {
    return (await this.db.read("counts-by-industry")).map(toBucket);
  }
}

/**
 * The text a list's filters are read by: the label, and which filters are set. The kind is tested
 * only when it is not a label of the vocabulary (looked up as Entity then, it keeps nothing): an
 * entity's kind label is set with its kind, which nothing changes after (seed-entities.cypher,
 * curation-create-entity.cypher, chain-map-write-entities.cypher).
 */
function filterText(filter: ListFilter): ListFilterText {
  const label = filter.kind !== null && isEntityKind(filter.kind) ? filter.kind : "Entity";
  return {
    label,
    kind: filter.kind !== null && label === "Entity",
    nameContains: filter.nameContains !== null,
    district: filter.district !== null,
    industry: filter.industry !== null,
  };
}

/** The text a list page is read by: its filters', and its sort key, cursor, total and tier. */
function pageText(query: ListPageQuery): ListPageText {
  return {
    ...filterText(query.filter),
    sort: query.sortField,
    cursor: query.cursor !== null,
    withTotal: query.withTotal,
    tier: entityTier(query),
  };
}

/** The parameters of the filters a list's text reads (filterText): those it writes a test for. */
function filterParams(filter: ListFilter, text: ListFilterText): Partial<ListFilter> {
  return {
    ...(text.kind ? { kind: filter.kind } : {}),
    ...(text.nameContains ? { nameContains: filter.nameContains } : {}),
    ...(text.district ? { district: filter.district } : {}),
    ...(text.industry ? { industry: filter.industry } : {}),
  };
}

function toBucket(row: Record<string, JsonValue>): CountBucket {
  const byKind = Array.isArray(row.byKind) ? row.byKind : [];
  return {
    id: asText(row.id),
    name: asText(row.name),
    nameEn: typeof row.nameEn === "string" ? row.nameEn : null,
    total: Number(row.total),
    byKind: byKind.map((entry) => {
      const o = entry !== null && typeof entry === "object" && !Array.isArray(entry) ? entry : {};
      return { kind: asText(o.kind), count: Number(o.count) };
    }),
  };
}

function toListRow(row: Row): ListRow {
  return { id: asText(row.id), sortKey: asText(row.sortKey), entity: recordOf(row.entity) };
}
