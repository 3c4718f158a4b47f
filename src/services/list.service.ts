import { BadUserInputError } from "../errors";
import type { CountBucket, EntityRecord, KindCount } from "../model/records";
import type { ListFilter, ListRepository, PageLinks } from "../repositories/list.repository";
import type { EntityRefs } from "./entity-refs";
import type { GraphService, PrefetchPlan } from "./graph.service";
import { normalizeName } from "../model/names";
import { decodeCursor, encodeCursor, pageSize, type PageInfoRecord } from "./pagination";

export interface ListArgs {
  readonly kind: string | null;
  readonly nameContains?: string | null;
  readonly district?: string | null;
  readonly industry?: string | null;
  readonly sortField: "name" | "pinyin" | "id";
  readonly sortDirection: "asc" | "desc";
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export interface EntityConnectionRecord {
  /** Counted only when a query asks for it (a separate query over every match), then kept. */
  readonly totalCount: () => Promise<number>;
  readonly edges: readonly { readonly node: EntityRecord; readonly cursor: string }[];
  readonly nodes: readonly EntityRecord[];
  readonly pageInfo: PageInfoRecord;
}

const CURSOR_TAG = "list";

function cursorOf(value: unknown, argumentName: string): { key: string; id: string } {
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === "string" &&
    typeof value[1] === "string"
  ) {
    return { key: value[0], id: value[1] };
  }
  throw new BadUserInputError(`${argumentName} is not a valid cursor for this list`, argumentName);
}

/** How a page of a list is read, from what the query asks for on it. */
export interface ListReading {
  /**
   * The relationship links the query will ask for on the page's entities (see prefetchPlanOf):
   * when they are of one type and direction, on the list's kind, the page query reads them too,
   * and the fields that ask find them in the request's loaders.
   */
  readonly ahead?: readonly PrefetchPlan[];
  /** The query asks for totalCount: the page query counts the list too. */
  readonly withTotal?: boolean;
  /** The query asks the page's entities for none of BRIEF_LEAVES_OUT: they are read brief. */
  readonly brief?: boolean;
  /** Nor for any of NAMES_LEAVES_OUT: they are read as their names alone. */
  readonly names?: boolean;
}

/**
 * Lists with filters, sorting and keyset cursors: a cursor holds the sort key and id of an item,
 * so a page stays correct when entities are added before it (no offsets).
 */
export class ListService {
  constructor(
    private readonly repository: ListRepository,
    private readonly graph: GraphService,
    private readonly refs: EntityRefs,
  ) {}

  /** A page of a list, read as `reading` says (see ListReading). */
  async list(
    args: ListArgs,
    { ahead = [], withTotal = false, brief = false, names = false }: ListReading = {},
  ): Promise<EntityConnectionRecord> {
    const backward = args.last !== null && args.last !== undefined;
    if (backward && args.first !== null && args.first !== undefined) {
      throw new BadUserInputError("pass first/after or last/before, not both", "last");
    }
    if (!backward && args.before !== null && args.before !== undefined) {
      throw new BadUserInputError("before goes with last", "before");
    }
    if (backward && args.after !== null && args.after !== undefined) {
      throw new BadUserInputError("after goes with first", "after");
    }
    const size = backward ? pageSize(args.last, "last") : pageSize(args.first, "first");
    const rawCursor = backward ? args.before : args.after;
    const cursor =
      rawCursor === null || rawCursor === undefined
        ? null
        : cursorOf(
            decodeCursor(CURSOR_TAG, rawCursor, backward ? "before" : "after"),
            backward ? "before" : "after",
          );
    const nameContains = args.nameContains?.trim() ? normalizeName(args.nameContains) : null;
    const asGiven: ListFilter = {
      kind: args.kind,
      nameContains,
      district: args.district ?? null,
      industry: args.industry ?? null,
    };
    // Reading backwards is reading the other order and reversing the page.
    const order = (args.sortDirection === "asc") !== backward ? "asc" : "desc";
    const links = pageLinks(args.kind, ahead);
    const read = (filter: ListFilter): ReturnType<ListRepository["page"]> =>
      this.repository.page(
        {
          filter,
          sortField: args.sortField,
          order,
          cursor,
          limit: size + 1,
          withTotal,
          brief,
          names,
        },
        links,
      );
    // A filter names an entity by id or by name. A page with rows had ids that exist (the usual
    // case, one round trip); an empty one is checked: a name is resolved and the page read again,
    // a value that names nothing is an error, not 0 hits.
    let filter = asGiven;
    let page = await read(filter);
    if (page.rows.length === 0 && (asGiven.district !== null || asGiven.industry !== null)) {
      filter = {
        ...asGiven,
        district:
          asGiven.district === null
            ? null
            : await this.refs.filterId(asGiven.district, "filter.district", ["District"]),
        industry:
          asGiven.industry === null
            ? null
            : await this.refs.filterId(asGiven.industry, "filter.industry", ["Industry"]),
      };
      if (filter.district !== asGiven.district || filter.industry !== asGiven.industry) {
        page = await read(filter);
      }
    }
    if (links !== null) {
      this.graph.primePrefetched({
        startEntities: new Map(page.rows.map((row) => [row.id, row.entity])),
        reads: page.links,
      });
    }
    const rows = page.rows;
    const hasMore = rows.length > size;
    const pageRows = rows.slice(0, size);
    if (backward) pageRows.reverse();
    const edges = pageRows.map((row) => ({
      node: row.entity,
      cursor: encodeCursor(CURSOR_TAG, [row.sortKey, row.id]),
    }));
    // Counted with the page when asked for and the page has rows; else by a query of its own.
    let counted: Promise<number> | undefined =
      page.total === null ? undefined : Promise.resolve(page.total);
    return {
      totalCount: () => (counted ??= this.repository.count(filter)),
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: backward ? cursor !== null : hasMore,
        hasPreviousPage: backward ? hasMore : cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  countsByKind(): Promise<KindCount[]> {
    return this.repository.countsByKind();
  }

  countsByDistrict(): Promise<CountBucket[]> {
    return this.repository.countsByDistrict();
  }

  countsByIndustry(): Promise<CountBucket[]> {
    return this.repository.countsByIndustry();
  }
}

/** The one link a list page can read with its entities: one type and direction, on its kind. */
function pageLinks(kind: string | null, ahead: readonly PrefetchPlan[]): PageLinks | null {
  const [only, ...others] = ahead;
  if (only === undefined || others.length > 0 || only.kind !== kind) return null;
  const { type, direction, limit, next, brief, names, bare } = only;
  return { type, direction, limit, next, brief, names, bare };
}
