import type { EdgeRecord, EntityRecord, HiddenIds } from "../model/records";
import type { Queries } from "../db/database";
import { asList, asObject, asText } from "../db/values";
import { DEFAULT_PATH_HUB_BOUND } from "../model/bounds";
import { edgeOf, recordOf, recordOrNull } from "./entity.repository";

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
   * `maxHops` between them over relationships of `types`, in one query; past a hub end (more than
   * `bound` links) in two, the second searching through the hub's first links only (see
   * cypher/shortest-paths-hubs.cypher). Hidden entities and relationships are left out inside
   * the search.
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
    let [row] = await this.db.read({ query: "shortest-paths", hops: maxHops }, params);
    // From an entity to itself nothing is searched, hub or not.
    const hub = fromId !== toId && (row?.fromHub === true || row?.toHub === true);
    if (hub) [row] = await this.db.read({ query: "shortest-paths-hubs", hops: maxHops }, params);
    const from = recordOrNull(row?.from);
    const to = recordOrNull(row?.to);
    return {
      from,
      to,
      boundedEnds: [
        ...(hub && row?.fromHub === true && from !== null ? [from.id] : []),
        ...(hub && row?.toHub === true && to !== null ? [to.id] : []),
      ],
      paths: asList(row?.paths).map((value) => {
        const path = asObject(value);
        return {
          nodes: asList(path.nodes).map(recordOf),
          hops: asList(path.hops).map((hop) => {
            const h = asObject(hop);
            return edgeOf(asText(h.source), asText(h.target), asText(h.type), asObject(h.props));
          }),
        };
      }),
    };
  }
}
