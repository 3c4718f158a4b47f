/**
 * The shortest paths between two entities when one or both are hubs, searched from the links a
 * hub end keeps (its first `bound` of each type and direction, read from the sort-key indexes)
 * instead of from the hub: a search that starts at a hub reads every one of its links, thousands,
 * to learn which it may follow.
 *
 * A shortest path never passes through either end, so past the first link of a hub end it runs in
 * the graph without the hub ends. The search is therefore a breadth-first search between two sets,
 * one level per round trip, from both sides (the smaller frontier first): from a hub end's kept
 * neighbours (or from the end itself when it is not a hub) to the other end's. It stops at the
 * first level where the sides meet: a hub end's links past its first are never read.
 * Graph reads come through `expand`; this module holds no Cypher and no driver.
 */

/** A link as the search sees it: the relationship's element id and the entity at its other end. */
export interface Step {
  readonly link: string;
  readonly other: string;
}

export interface HubPathQuestion {
  readonly fromId: string;
  readonly toId: string;
  /** The links a hub end keeps; undefined for an end that is not a hub (all its links count). */
  readonly fromKept?: readonly Step[];
  readonly toKept?: readonly Step[];
  readonly maxHops: number;
  readonly limit: number;
  /**
   * The links of each entity of a frontier, by entity id, leaving out links to the `excluded`
   * entities and what is hidden as of a day (the caller's query does both). When some link
   * reaches an entity of `otherSide` (what the other side of the search has reached), it may
   * give only those: the search stops at that level, and no other link of it is on a shortest
   * path.
   */
  readonly expand: (
    ids: readonly string[],
    excluded: readonly string[],
    otherSide: readonly string[],
  ) => Promise<ReadonlyMap<string, readonly Step[]>>;
}

/** A path as ids: its entities from fromId to toId, and its links between them in order. */
export interface FoundPath {
  readonly nodes: readonly string[];
  readonly links: readonly string[];
}

/** One side of the search: distances from its start set, and every shortest way into each entity. */
interface Side {
  readonly distance: Map<string, number>;
  /** For an entity past the start set, the links from the level before that reach it. */
  readonly previous: Map<string, Step[]>;
  /** For an entity of the start set, the hub end's kept links to it (none: it is the end). */
  readonly firstHops: Map<string, Step[]>;
  frontier: string[];
  depth: number;
}

/** A side starting at `end` itself, or, for a hub end, at its kept neighbours. */
function startSide(
  end: string,
  other: string,
  kept: readonly Step[] | undefined,
  otherIsHub: boolean,
): Side {
  const firstHops = new Map<string, Step[]>();
  if (kept === undefined) firstHops.set(end, []);
  else {
    for (const step of kept) {
      // A self-link leads nowhere; the other hub end is reached only through its own kept links.
      if (step.other === end || (otherIsHub && step.other === other)) continue;
      const hops = firstHops.get(step.other);
      if (hops === undefined) firstHops.set(step.other, [{ link: step.link, other: end }]);
      else hops.push({ link: step.link, other: end });
    }
  }
  const distance = new Map([...firstHops.keys()].map((id) => [id, 0]));
  return { distance, previous: new Map(), firstHops, frontier: [...firstHops.keys()], depth: 0 };
}

/** Reads the links of the side's frontier and makes the next level its frontier. */
async function advance(
  side: Side,
  other: Side,
  question: HubPathQuestion,
  excluded: readonly string[],
): Promise<void> {
  const links = await question.expand(side.frontier, excluded, [...other.distance.keys()]);
  const level = side.depth + 1;
  const next: string[] = [];
  for (const id of side.frontier) {
    for (const step of links.get(id) ?? []) {
      const known = side.distance.get(step.other);
      if (known === undefined) {
        side.distance.set(step.other, level);
        side.previous.set(step.other, [{ link: step.link, other: id }]);
        next.push(step.other);
      } else if (known === level) {
        side.previous.get(step.other)?.push({ link: step.link, other: id });
      }
    }
  }
  side.frontier = next;
  side.depth = level;
}

/**
 * The ways from `id` back to the side's end, as [entities, links] from `id` outwards (the end
 * last): through the shortest ways into each entity, then a kept first link when the end is a hub.
 */
function* waysBack(side: Side, id: string): Generator<[string[], string[]]> {
  const firstHops = side.firstHops.get(id);
  if (firstHops !== undefined) {
    if (firstHops.length === 0) yield [[id], []];
    for (const hop of firstHops) yield [[id, hop.other], [hop.link]];
    return;
  }
  for (const step of side.previous.get(id) ?? []) {
    for (const [nodes, links] of waysBack(side, step.other))
      yield [
        [id, ...nodes],
        [step.link, ...links],
      ];
  }
}

/**
 * Up to `limit` shortest paths of at most `maxHops` from fromId to toId through the links kept:
 * a hub end's kept links, every link of the other entities. Empty when there is none.
 */
export async function hubPaths(question: HubPathQuestion): Promise<FoundPath[]> {
  const { fromId, toId, fromKept, toKept, limit } = question;
  const fromHub = fromKept !== undefined;
  const toHub = toKept !== undefined;
  // Two hubs linked directly: a link both keep is a path of one hop, and nothing is shorter.
  if (fromHub && toHub) {
    const keptByTo = new Set(
      toKept.filter((step) => step.other === fromId).map((step) => step.link),
    );
    const direct = fromKept.filter((step) => step.other === toId && keptByTo.has(step.link));
    if (direct.length > 0)
      return direct.slice(0, limit).map((step) => ({ nodes: [fromId, toId], links: [step.link] }));
  }
  // The hops left between the two start sets, once a hub end's first link is counted.
  const middle = question.maxHops - (fromHub ? 1 : 0) - (toHub ? 1 : 0);
  if (middle < 0) return [];
  const forward = startSide(fromId, toId, fromKept, toHub);
  const backward = startSide(toId, fromId, toKept, fromHub);
  const excluded = [...(fromHub ? [fromId] : []), ...(toHub ? [toId] : [])];
  let length = meeting(forward, backward, forward.frontier);
  while (
    length === undefined &&
    forward.depth + backward.depth < middle &&
    forward.frontier.length > 0 &&
    backward.frontier.length > 0
  ) {
    const [side, other] =
      forward.frontier.length <= backward.frontier.length
        ? [forward, backward]
        : [backward, forward];
    await advance(side, other, question, excluded);
    length = meeting(side, other, side.frontier);
  }
  if (length === undefined) return [];
  // Every shortest path has one entity at this many hops from the forward start set, and both
  // sides have searched as far as it: the paths are the ways back from it on either side.
  const split = Math.max(0, length - backward.depth);
  const paths: FoundPath[] = [];
  for (const [id, at] of forward.distance) {
    if (at !== split || backward.distance.get(id) !== length - split) continue;
    for (const [before, beforeLinks] of waysBack(forward, id)) {
      for (const [after, afterLinks] of waysBack(backward, id)) {
        paths.push({
          nodes: [...[...before].reverse(), ...after.slice(1)],
          links: [...[...beforeLinks].reverse(), ...afterLinks],
        });
        if (paths.length >= limit) return paths;
      }
    }
  }
  return paths;
}

/** The length between the start sets when `side`'s newest entities meet the other side, or undefined. */
function meeting(side: Side, other: Side, newest: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const id of newest) {
    const there = other.distance.get(id);
    if (there === undefined) continue;
    const length = side.depth + there;
    if (best === undefined || length < best) best = length;
  }
  return best;
}
