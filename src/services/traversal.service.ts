import { BadUserInputError, NotFoundError } from "../errors";
import { checkRange } from "./arguments";
import { hiddenIdsOf, type EntityRecord } from "../model/records";
import { ENTITY_KINDS, RELATION_TYPES } from "../model/vocabulary";
import { DEFAULT_PATH_HUB_BOUND, MAX_HOPS } from "../model/bounds";
import {
  type EdgeRecord,
  type ExpandDirection,
  type TraversalRepository,
} from "../repositories/traversal.repository";
import type { GraphService } from "./graph.service";

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_NEIGHBORHOOD_LIMIT = 500;
export const MAX_PATH_HOPS = MAX_HOPS;
export const MAX_PATHS = 50;
export const MAX_TRACE_DEPTH = 10;

/** An entity as a node of a view or path: where it stands, and how many of its links are shown. */
export interface ViewNodeRecord extends EntityRecord {
  /** Hops from the view's start entity or the path's first entity. */
  readonly depth: number;
  /** The edges of the view or path that touch it. */
  readonly shownLinks: number;
}

export interface GraphViewRecord {
  readonly nodes: readonly ViewNodeRecord[];
  readonly edges: readonly EdgeRecord[];
  readonly truncated: boolean;
}

export interface PathView {
  readonly length: number;
  readonly nodes: readonly ViewNodeRecord[];
  readonly hops: readonly EdgeRecord[];
}

/** Shortest paths, and whether the search behind them was exhaustive. */
export interface PathSearchView {
  readonly paths: readonly PathView[];
  /** False when an end had more links than the bound and only its first ones were searched. */
  readonly exhaustive: boolean;
  /** The bound the search applied to boundedEnds; null when it was exhaustive. */
  readonly bound: number | null;
  /** The ends searched through their first `bound` links of each type and direction only. */
  readonly boundedEnds: readonly string[];
}

/** Settings of the traversal service that come from the configuration. */
export interface TraversalSettings {
  /** PATH_HUB_BOUND: past it, a path search follows only an end's first links (see pathSearch). */
  readonly pathHubBound: number;
}

export interface TraceStep {
  readonly entity: EntityRecord;
  readonly depth: number;
  /** The edge by which the step was first reached. */
  readonly via: EdgeRecord;
}

function checkTypes(types: readonly string[]): void {
  for (const type of types) {
    if (!RELATION_TYPES.includes(type))
      throw new BadUserInputError(`unknown relationship type ${type}`, "relationTypes");
  }
}

function checkKinds(kinds: readonly string[], argument = "kinds"): void {
  for (const kind of kinds) {
    if (!(ENTITY_KINDS as readonly string[]).includes(kind))
      throw new BadUserInputError(`unknown kind ${kind}`, argument);
  }
}

/**
 * The nodes of a view or path with their depth, found breadth first from the first node over the
 * edges shown (a walk adds an entity at the level it first reaches it, through an edge the view
 * keeps, so this is the walk's level), and the number of shown edges that touch each.
 */
export function asViewNodes(
  nodes: readonly EntityRecord[],
  edges: readonly EdgeRecord[],
): ViewNodeRecord[] {
  const neighbours = new Map<string, string[]>();
  const touching = new Map<string, number>();
  const around = (id: string): string[] => {
    let list = neighbours.get(id);
    if (list === undefined) neighbours.set(id, (list = []));
    return list;
  };
  for (const { source, target } of edges) {
    // Pushed, not copied: a hub of a 500-node view has hundreds of neighbours.
    around(source).push(target);
    around(target).push(source);
    touching.set(source, (touching.get(source) ?? 0) + 1);
    if (target !== source) touching.set(target, (touching.get(target) ?? 0) + 1);
  }
  const depth = new Map<string, number>();
  const start = nodes[0];
  if (start !== undefined) {
    depth.set(start.id, 0);
    let frontier = [start.id];
    for (let level = 1; frontier.length > 0; level += 1) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of neighbours.get(id) ?? []) {
          if (depth.has(other)) continue;
          depth.set(other, level);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  return nodes.map((node) => ({
    ...node,
    depth: depth.get(node.id) ?? 0,
    shownLinks: touching.get(node.id) ?? 0,
  }));
}

/** Neighbourhoods (one query), shortest paths, and supply-chain tracing (one query per hop). */
export class TraversalService {
  constructor(
    private readonly repository: TraversalRepository,
    private readonly graph: GraphService,
    private readonly settings: TraversalSettings = { pathHubBound: DEFAULT_PATH_HUB_BOUND },
  ) {}

  async neighborhood(
    id: string,
    depth: number,
    relationTypes: readonly string[],
    kinds: readonly string[],
    limit: number,
    showKinds: readonly string[] = [],
    asOf?: string | null,
  ): Promise<GraphViewRecord | null> {
    checkRange("depth", depth, 1, MAX_NEIGHBORHOOD_DEPTH);
    checkRange("limit", limit, 1, MAX_NEIGHBORHOOD_LIMIT);
    checkTypes(relationTypes);
    checkKinds(kinds);
    checkKinds(showKinds, "showKinds");
    // As of a day the walk leaves out what no document had stated by then, inside the query, so
    // the caps count only what the view may show; an entity first mentioned later has no view.
    const notStated = await this.graph.notStatedBy(asOf);
    if (notStated?.entities.has(id) === true) return null;
    // Edges are capped too, so a hub can't make one hop unbounded; hitting the cap marks the view
    // as truncated. The whole walk is one query.
    const walk = await this.repository.neighborhood(
      id,
      depth,
      relationTypes,
      kinds,
      limit,
      limit * 4,
      hiddenIdsOf(notStated),
    );
    if (walk === null) return null;
    // The view's entities look as of the day too: their relationship fields pass it on.
    const view =
      notStated === null
        ? walk
        : { ...walk, nodes: walk.nodes.map((node) => ({ ...node, asOf: notStated.asOf })) };
    // An edge between two entities of one frontier is found from both.
    const edges = new Map<string, EdgeRecord>();
    for (const edge of view.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
    const walked = asViewNodes(view.nodes, [...edges.values()]);
    if (showKinds.length === 0) {
      return { nodes: walked, edges: [...edges.values()], truncated: view.truncated };
    }
    // A filter of the result: depths stay those of the walk (which went through the entities
    // left out), shown links count what is left.
    const kept = walked.filter((node, index) => index === 0 || showKinds.includes(node.kind));
    const shown = new Set(kept.map((node) => node.id));
    const keptEdges = [...edges.values()].filter(
      (edge) => shown.has(edge.source) && shown.has(edge.target),
    );
    const touching = asViewNodes(kept, keptEdges);
    return {
      nodes: kept.map((node, index) => ({ ...node, shownLinks: touching[index]?.shownLinks ?? 0 })),
      edges: keptEdges,
      truncated: view.truncated,
    };
  }

  /**
   * Has Neo4j plan the queries of a search past hubs before a user's first one (see
   * TraversalRepository.planHubSearch); `stopped` ends it early. How many queries it ran.
   */
  planHubSearch(stopped?: () => boolean): Promise<number> {
    return this.repository.planHubSearch(stopped);
  }

  /** The paths of pathSearch, without saying whether the search was bounded. */
  async paths(
    fromId: string,
    toId: string,
    maxHops: number,
    limit: number,
    asOf?: string | null,
  ): Promise<readonly PathView[]> {
    return (await this.pathSearch(fromId, toId, maxHops, limit, asOf)).paths;
  }

  /**
   * Up to `limit` shortest paths of at most `maxHops` between two entities, ignoring direction.
   * An end with more links than the configured bound is searched through its first `bound` links
   * of each type and direction only (in the order of the sort-key indexes), and the answer says so;
   * below the bound the answer is exact. As of a day, what no document had stated by then is left
   * out of the search itself, and an end not stated by then is NOT_FOUND.
   */
  async pathSearch(
    fromId: string,
    toId: string,
    maxHops: number,
    limit: number,
    asOf?: string | null,
  ): Promise<PathSearchView> {
    checkRange("maxHops", maxHops, 1, MAX_PATH_HOPS);
    checkRange("limit", limit, 1, MAX_PATHS);
    const notStated = await this.graph.notStatedBy(asOf);
    const bound = this.settings.pathHubBound;
    const { from, to, paths, boundedEnds } = await this.repository.shortestPaths(
      fromId,
      toId,
      maxHops,
      RELATION_TYPES,
      limit,
      { bound, ...hiddenIdsOf(notStated) },
    );
    if (from === null) throw new NotFoundError(`no entity with id ${fromId} (fromId)`);
    if (to === null) throw new NotFoundError(`no entity with id ${toId} (toId)`);
    for (const [id, argument] of [
      [fromId, "fromId"],
      [toId, "toId"],
    ] as const) {
      if (notStated?.entities.has(id) === true)
        throw new NotFoundError(
          `entity ${id} (${argument}) was not stated by any document by ${notStated.asOf}`,
        );
    }
    const day = notStated === null ? {} : { asOf: notStated.asOf };
    const views: PathView[] =
      fromId === toId
        ? [{ length: 0, nodes: asViewNodes([{ ...from, ...day }], []), hops: [] }]
        : paths.map((path) => {
            const hops = path.hops.map((hop) => ({ ...hop, ...day }));
            return {
              length: hops.length,
              nodes: asViewNodes(
                path.nodes.map((node) => ({ ...node, ...day })),
                hops,
              ),
              hops,
            };
          });
    const exhaustive = boundedEnds.length === 0;
    return { paths: views, exhaustive, bound: exhaustive ? null : bound, boundedEnds };
  }

  /**
   * Follows supply relations (UPSTREAM_OF) from an entity: `upstream` walks to its suppliers,
   * `downstream` to what it supplies, up to `depth` hops, each step with the edge that reached it.
   */
  async trace(
    id: string,
    direction: "upstream" | "downstream",
    depth: number,
  ): Promise<TraceStep[] | null> {
    checkRange("depth", depth, 1, MAX_TRACE_DEPTH);
    if ((await this.graph.entity(id)) === null) return null;
    // A UPSTREAM_OF B: A supplies B. Upstream of X are the sources of edges into X.
    const expandDirection: ExpandDirection = direction === "upstream" ? "IN" : "OUT";
    const seen = new Set([id]);
    const steps: { entity: EntityRecord; depth: number; via: EdgeRecord }[] = [];
    let frontier = [id];
    for (let level = 1; level <= depth && frontier.length > 0; level += 1) {
      const found = await this.repository.expand(
        frontier,
        expandDirection,
        ["UPSTREAM_OF"],
        [],
        10_000,
      );
      const next: string[] = [];
      for (const edge of found) {
        if (seen.has(edge.otherId)) continue;
        seen.add(edge.otherId);
        next.push(edge.otherId);
        steps.push({ entity: edge.other, depth: level, via: edge });
      }
      frontier = next;
    }
    // Each hop already carries the entities it reached.
    return steps;
  }
}
