import type { EdgeRecord, EntityRecord, HiddenIds } from "../model/records";
import { inTurn, type Queries } from "../db/database";
import { asList, asObject, asText, type JsonValue } from "../db/values";
import { DEFAULT_PATH_HUB_BOUND } from "../model/bounds";
import { RELATION_TYPES } from "../model/vocabulary";
import { edgeOf, recordOf, recordOrNull } from "./entity.repository";
import { hubPaths, type FoundPath, type Step } from "./hub-path-search";

export type { EdgeRecord } from "../model/records";

/** The most hops a path query supports: the bound the hop-parameterised cypher is built for. */

export type ExpandDirection = "OUT" | "IN" | "BOTH";

export interface ExpandedEdge extends EdgeRecord {
  /** The frontier entity the edge was reached from. */
  readonly fromId: string;
  /** The entity at the other end. */
  readonly otherId: string;
  /** Its record, without passages and facts. */
  readonly other: EntityRecord;
}

export interface PathRecord {
  readonly nodes: readonly EntityRecord[];
  readonly hops: readonly EdgeRecord[];
}

export interface PathsRecord {
  readonly from: EntityRecord | null;
  readonly to: EntityRecord | null;
  readonly paths: readonly PathRecord[];
  /** The ends past the bound, searched only through their first links: none, one or both ids. */
  readonly boundedEnds: readonly string[];
}

/** How a path search is bounded, and what it leaves out as of a day (HiddenIds). */
export interface PathSearchOptions extends Partial<HiddenIds> {
  /** An end with more links than this is searched through its first this many of each type and direction. */
  readonly bound?: number;
}

/** A breadth-first walk as neighborhood.cypher returns it. */
export interface WalkRecord {
  /** The start first, then in the order the walk reached them. */
  readonly nodes: readonly EntityRecord[];
  /** As found, only between entities of the view; an edge between two frontier entities twice. */
  readonly edges: readonly EdgeRecord[];
  readonly truncated: boolean;
}

/** Graph walks: a neighbourhood, one hop from a frontier, and shortest paths. */
export class TraversalRepository {
  constructor(private readonly db: Queries) {}

  /**
   * The entities and relationships within `depth` hops of an entity, breadth first, at most
   * `limit` entities and `edgeCap` relationships per level; null when the entity does not exist.
   * One query, or two when the walk reaches a hub (more than `edgeCap` relationships): the first
   * stops there, and the second reads the hub's first links from the sort-key indexes. The walk
   * does not follow the `hidden` entities and relationships (what no document had stated by a day).
   */
  async neighborhood(
    id: string,
    depth: number,
    types: readonly string[],
    kinds: readonly string[],
    limit: number,
    edgeCap: number,
    hidden: HiddenIds,
  ): Promise<WalkRecord | null> {
    const params = { id, depth, types, kinds, limit, edgeCap, ...hidden };
    let [row] = await this.db.read("neighborhood", params);
    if (row?.hub === true) [row] = await this.db.read("neighborhood-hubs", params);
    if (row === undefined) return null;
    return {
      nodes: asList(row.nodes).map(recordOf),
      edges: asList(row.edges).map((value) => {
        const e = asObject(value);
        return edgeOf(asText(e.source), asText(e.target), asText(e.type), asObject(e.props));
      }),
      truncated: row.truncated === true,
    };
  }

  /** Relationships from a frontier of entities, one hop, at most `limit` of them. */
  async expand(
    ids: readonly string[],
    direction: ExpandDirection,
    types: readonly string[],
    kinds: readonly string[],
    limit: number,
  ): Promise<ExpandedEdge[]> {
    const rows = await this.db.read("expand", { ids, direction, types, kinds, limit });
    return rows.map((row) => {
      const fromId = asText(row.fromId);
      const otherId = asText(row.otherId);
      const outgoing = row.outgoing === true;
      const edge = edgeOf(
        outgoing ? fromId : otherId,
        outgoing ? otherId : fromId,
        asText(row.type),
        asObject(row.props),
      );
      return {
        ...edge,
        fromId,
        otherId,
        other: recordOf(row.other),
      };
    });
  }

  /**
   * Both ends (null when an id names no entity) and up to `limit` shortest paths of at most
   * `maxHops` between them over relationships of `types`, in one query. Past a hub end (more than
   * `bound` links) the search goes on from the links the hub keeps instead (its first `bound` of
   * each type and direction: one query for the types it has, one per type for the links), one
   * level per query from both sides, then one query for the records of the paths found (see
   * hub-path-search.ts). Hidden entities and relationships are left out inside the search.
   */
  async shortestPaths(
    fromId: string,
    toId: string,
    maxHops: number,
    types: readonly string[],
    limit: number,
    options: PathSearchOptions = {},
  ): Promise<PathsRecord> {
    const params = {
      fromId,
      toId,
      types,
      limit,
      bound: options.bound ?? DEFAULT_PATH_HUB_BOUND,
      hiddenEntities: options.hiddenEntities ?? [],
      hiddenRels: options.hiddenRels ?? [],
    };
    const [row] = await this.db.read({ query: "shortest-paths", hops: maxHops }, params);
    const from = recordOrNull(row?.from);
    const to = recordOrNull(row?.to);
    // From an entity to itself nothing is searched, hub or not.
    const boundedEnds =
      from === null || to === null || fromId === toId
        ? []
        : [...(row?.fromHub === true ? [fromId] : []), ...(row?.toHub === true ? [toId] : [])];
    if (boundedEnds.length === 0) {
      return { from, to, boundedEnds, paths: asList(row?.paths).map(pathOf) };
    }
    const kept = await this.keptLinks(boundedEnds, params);
    const found = await hubPaths({
      fromId,
      toId,
      fromKept: kept.get(fromId),
      toKept: kept.get(toId),
      maxHops,
      limit,
      expand: (ids, excluded, otherSide) => this.pathLevel(ids, excluded, otherSide, params),
    });
    return { from, to, boundedEnds, paths: await this.pathRecords(found) };
  }

  /**
   * Has Neo4j plan the queries of a search past hubs, which no search between the seeded graph's
   * entities reaches (none has PATH_HUB_BOUND links): the hub ends' types, every type's kept links
   * (which types a hub has depends on the graph), one level and the records. Each runs once with
   * two ids that name no entity, so it reads nothing; two, as a search between two hubs sends,
   * since Neo4j plans a query again for a list of another size. One query at a time: the service
   * is answering users meanwhile. `stopped` ends it early (the service is stopping).
   * @returns how many queries it ran.
   */
  async planHubSearch(stopped: () => boolean = () => false): Promise<number> {
    const none = ["plan-hub-search-from", "plan-hub-search-to"];
    const params = {
      types: RELATION_TYPES,
      bound: DEFAULT_PATH_HUB_BOUND,
      hiddenEntities: [],
      hiddenRels: [],
      hubIds: none,
    };
    const plans: (() => Promise<unknown>)[] = [
      () => this.db.read("shortest-paths-hubs", params),
      ...RELATION_TYPES.map(
        (type) => () => this.db.read({ query: "shortest-paths-hub-links", type }, params),
      ),
      () => this.pathLevel(none, none, none, params),
      () => this.db.read("shortest-paths-records", { nodeIds: none, linkIds: none }),
    ];
    return inTurn(plans, stopped);
  }

  /**
   * The links each hub end keeps, by the hub's id: which types the hubs have links of
   * (shortest-paths-hubs.cypher), then the first links of each of those types, one small query
   * per type, side by side (shortest-paths-hub-links.cypher).
   */
  private async keptLinks(
    hubIds: readonly string[],
    params: Record<string, unknown>,
  ): Promise<Map<string, Step[]>> {
    const typesOf = await this.db.read("shortest-paths-hubs", { ...params, hubIds });
    const types = new Set(typesOf.flatMap((row) => asList(row.types).map(asText)));
    const byType = await Promise.all(
      [...types].map((type) =>
        this.db.read({ query: "shortest-paths-hub-links", type }, { ...params, hubIds }),
      ),
    );
    const kept = new Map<string, Step[]>(hubIds.map((id) => [id, []]));
    for (const row of byType.flat()) {
      const steps = kept.get(asText(row.hubId));
      for (const direction of asList(row.links)) {
        for (const value of asList(direction)) {
          const [link, other] = asList(value).map(asText);
          if (link !== undefined && other !== undefined) steps?.push({ link, other });
        }
      }
    }
    return kept;
  }

  /** One level of the search past hubs: the links of each frontier entity, by its id. */
  private async pathLevel(
    ids: readonly string[],
    excluded: readonly string[],
    otherSide: readonly string[],
    params: Record<string, unknown>,
  ): Promise<Map<string, Step[]>> {
    const [row] = await this.db.read("shortest-paths-level", {
      ...params,
      ids,
      excluded,
      otherSide,
    });
    const links = new Map<string, Step[]>();
    for (const value of asList(row?.links)) {
      const [id, other, link] = asList(value).map(asText);
      if (id === undefined || other === undefined || link === undefined) continue;
      const steps = links.get(id);
      if (steps === undefined) links.set(id, [{ link, other }]);
      else steps.push({ link, other });
    }
    return links;
  }

  /**
   * The paths found past hubs with their records. A path one of whose entities or links went
   * between the queries (a write in the meantime), or whose link's element id now names a link
   * between other entities (Neo4j reuses the ids of deleted ones), is left out rather than shown
   * wrong.
   */
  private async pathRecords(found: readonly FoundPath[]): Promise<PathRecord[]> {
    if (found.length === 0) return [];
    const [row] = await this.db.read("shortest-paths-records", {
      nodeIds: [...new Set(found.flatMap((path) => path.nodes))],
      linkIds: [...new Set(found.flatMap((path) => path.links))],
    });
    const nodes = new Map(
      asList(row?.nodes).map((value) => {
        const record = recordOf(value);
        return [record.id, record];
      }),
    );
    const hops = new Map(
      asList(row?.hops).map((value) => {
        const [link, hop] = asList(value);
        return [asText(link), hopOf(hop)];
      }),
    );
    const paths: PathRecord[] = [];
    for (const path of found) {
      const pathNodes = path.nodes.map((id) => nodes.get(id));
      const pathHops = path.links.map((link) => hops.get(link));
      const joins = pathHops.every((hop, i) => {
        const [a, b] = [path.nodes[i], path.nodes[i + 1]];
        if (hop === undefined) return false;
        return (hop.source === a && hop.target === b) || (hop.source === b && hop.target === a);
      });
      if (joins && pathNodes.every(isDefined) && pathHops.every(isDefined))
        paths.push({ nodes: pathNodes, hops: pathHops });
    }
    return paths;
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** A path as shortest-paths.cypher returns it. */
function pathOf(value: JsonValue): PathRecord {
  const path = asObject(value);
  return {
    nodes: asList(path.nodes).map(recordOf),
    hops: asList(path.hops).map(hopOf),
  };
}

/** A hop as cypher/parts/path-hop.cypher gives it. */
function hopOf(value: JsonValue | undefined): EdgeRecord {
  const h = asObject(value);
  return edgeOf(asText(h.source), asText(h.target), asText(h.type), asObject(h.props));
}
