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
    const params = {
      ...query.filter,
      label: labelOf(query.filter),
      sortField: query.sortField,
      cursorKey: query.cursor?.key ?? null,
      cursorId: query.cursor?.id ?? null,
      limit: query.limit,
      withTotal: query.withTotal,
      brief: query.brief,
      names: query.names,
    };
    const totalOf = (rows: readonly Row[]): number | null =>
      query.withTotal && rows[0] !== undefined ? Number(rows[0].total) : null;
    if (links === null) {
      const rows = await this.db.read(
        query.order === "asc" ? "list-entities-asc" : "list-entities-desc",
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
        withTotal: query.withTotal,
      },
      {
        ...params,
        linkLimit: links.limit,
        walkDegreeBound: WALK_DEGREE_BOUND,
        ahead: { limit: links.limit, nextLimits: links.next.map((step) => step.limit) },
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
    const [row] = await this.db.read("count-entities", { ...filter, label: labelOf(filter) });
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

/** The label to look entities up by: the kind's own, from the closed vocabulary only. */
function labelOf(filter: ListFilter): string {
  return filter.kind !== null && isEntityKind(filter.kind) ? filter.kind : "Entity";
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
