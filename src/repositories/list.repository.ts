import type { Queries } from "../db/database";
import { asText, type Plain } from "../db/values";
import type { EntityRecord } from "../model/records";
import { recordOf } from "./entity.repository";
import { isEntityKind } from "../model/vocabulary";

export interface ListFilter {
  readonly kind: string | null;
  /** Lower-cased substring of any name form. */
  readonly nameContains: string | null;
  readonly district: string | null;
  readonly industry: string | null;
}

export interface ListPageQuery {
  readonly filter: ListFilter;
  readonly sortField: "name" | "id";
  readonly order: "asc" | "desc";
  readonly cursor: { readonly key: string; readonly id: string } | null;
  readonly limit: number;
}

export interface ListRow {
  readonly id: string;
  readonly sortKey: string;
  readonly entity: EntityRecord;
}

export interface KindCount {
  readonly kind: string;
  readonly count: number;
}

export interface CountBucket {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly total: number;
  readonly byKind: readonly KindCount[];
}

/** Filtered, keyset-paginated entity lists and the counts dashboards show. */
export class ListRepository {
  constructor(private readonly db: Queries) {}

  /** The page's entities, as records without passages and facts, with their sort keys. */
  async page(query: ListPageQuery): Promise<ListRow[]> {
    const rows = await this.db.read(
      query.order === "asc" ? "list-entities-asc" : "list-entities-desc",
      {
        ...query.filter,
        label: labelOf(query.filter),
        sortField: query.sortField,
        cursorKey: query.cursor?.key ?? null,
        cursorId: query.cursor?.id ?? null,
        limit: query.limit,
      },
    );
    return rows.map((row) => ({
      id: asText(row.id),
      sortKey: asText(row.sortKey),
      entity: recordOf(row.entity),
    }));
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

function toBucket(row: Record<string, Plain>): CountBucket {
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
