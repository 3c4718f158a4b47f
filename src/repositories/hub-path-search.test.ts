import { describe, expect, it } from "vitest";
import { hubPaths, type Step } from "./hub-path-search";

/** FIXTURE graphs: [link id, one end, other end], ends named a, b, n1 … */
type Link = readonly [string, string, string];

/** The search over an in-memory graph, recording which entities it was asked to expand. */
function searchOver(
  links: readonly Link[],
  question: {
    from: string;
    to: string;
    fromKept?: string[];
    toKept?: string[];
    maxHops: number;
    limit?: number;
  },
) {
  const expanded: string[] = [];
  const keptSteps = (end: string, kept: string[] | undefined): Step[] | undefined =>
    kept?.map((id) => {
      const link = links.find(([linkId]) => linkId === id);
      if (link === undefined) throw new Error(`no fixture link ${id}`);
      return { link: id, other: link[1] === end ? link[2] : link[1] };
    });
  const found = hubPaths({
    fromId: question.from,
    toId: question.to,
    fromKept: keptSteps(question.from, question.fromKept),
    toKept: keptSteps(question.to, question.toKept),
    maxHops: question.maxHops,
    limit: question.limit ?? 1000,
    // As shortest-paths-level.cypher: only the links into the other side when some reach it.
    expand: (ids, excluded, otherSide) => {
      expanded.push(...ids);
      const found: [string, Step][] = [];
      for (const id of ids) {
        for (const [link, s, t] of links) {
          if (s !== id && t !== id) continue;
          const other = s === id ? t : s;
          if (!excluded.includes(other)) found.push([id, { link, other }]);
        }
      }
      const meeting = found.filter(([, step]) => otherSide.includes(step.other));
      const out = new Map<string, Step[]>();
      for (const [id, step] of meeting.length > 0 ? meeting : found)
        out.set(id, [...(out.get(id) ?? []), step]);
      return Promise.resolve(out);
    },
  });
  return { found, expanded };
}

/** Each path as its entities joined by >, then its links joined by spaces; sorted. */
async function routes(found: ReturnType<typeof searchOver>["found"]): Promise<string[]> {
  return (await found).map((path) => `${path.nodes.join(">")} ${path.links.join(" ")}`).sort();
}

/**
 * The oracle: every simple path of at most maxHops from `from` to `to` through the links kept (a
 * hub end's link only when it keeps it; a link between the two ends only when each hub end keeps
 * it), the shortest of them. Brute force: only for the small fixture graphs.
 */
function oracle(
  links: readonly Link[],
  from: string,
  to: string,
  maxHops: number,
  fromKept?: string[],
  toKept?: string[],
): string[] {
  const usable = links.filter(([id, s, t]) => {
    const touches = (end: string): boolean => s === end || t === end;
    if (fromKept !== undefined && touches(from) && !fromKept.includes(id)) return false;
    if (toKept !== undefined && touches(to) && !toKept.includes(id)) return false;
    return true;
  });
  const all: { nodes: string[]; links: string[] }[] = [];
  const walk = (nodes: string[], path: string[]): void => {
    const at = nodes[nodes.length - 1] ?? from;
    if (at === to) {
      all.push({ nodes, links: path });
      return;
    }
    if (path.length === maxHops) return;
    for (const [id, s, t] of usable) {
      if (s !== at && t !== at) continue;
      const next = s === at ? t : s;
      if (!nodes.includes(next)) walk([...nodes, next], [...path, id]);
    }
  };
  walk([from], []);
  const shortest = Math.min(...all.map((path) => path.links.length));
  return all
    .filter((path) => path.links.length === shortest)
    .map((path) => `${path.nodes.join(">")} ${path.links.join(" ")}`)
    .sort();
}

describe("hubPaths", () => {
  it("goes on from the links a hub end keeps and never asks for the hub's own links", async () => {
    // a keeps its links to n1 and n2, not to n3, which is one hop from b.
    const links: Link[] = [
      ["l1", "a", "n1"],
      ["l2", "a", "n2"],
      ["l3", "a", "n3"],
      ["l4", "n3", "b"],
      ["l5", "n1", "n4"],
      ["l6", "n4", "b"],
      ["l7", "n2", "n5"],
    ];
    const { found, expanded } = searchOver(links, {
      from: "a",
      to: "b",
      fromKept: ["l1", "l2"],
      maxHops: 4,
    });
    expect(await routes(found)).toEqual(["a>n1>n4>b l1 l5 l6"]);
    expect(expanded).not.toContain("a");
  });

  it("does not go back through a hub end by a link it cut to reach the other end", async () => {
    // n1 (kept) links back to a by l2, a second link that a cut, and a reaches b in one hop by l3,
    // cut too: a>n1>a>b is not a path, and b is three hops away through n2.
    const links: Link[] = [
      ["l1", "a", "n1"],
      ["l2", "n1", "a"],
      ["l3", "a", "b"],
      ["l4", "n1", "n2"],
      ["l5", "n2", "b"],
    ];
    const { found, expanded } = searchOver(links, {
      from: "a",
      to: "b",
      fromKept: ["l1"],
      maxHops: 4,
    });
    expect(await routes(found)).toEqual(["a>n1>n2>b l1 l4 l5"]);
    expect(expanded).not.toContain("a");
  });

  it("between two hubs, passes a common neighbour only when each keeps its link to it", async () => {
    // n1 is kept by a but cut by b; n2 is kept by both but three hops long through n3.
    const links: Link[] = [
      ["l1", "a", "n1"],
      ["l2", "n1", "b"],
      ["l3", "a", "n2"],
      ["l4", "n2", "n3"],
      ["l5", "n3", "b"],
      ["l6", "a", "b"],
    ];
    const question = {
      from: "a",
      to: "b",
      fromKept: ["l1", "l3", "l6"],
      toKept: ["l5"],
      maxHops: 4,
    };
    const { found, expanded } = searchOver(links, question);
    // The direct link l6 is kept by a only; n1 is reached from a but cut by b.
    expect(await routes(found)).toEqual(["a>n2>n3>b l3 l4 l5"]);
    expect(expanded).not.toContain("a");
    expect(expanded).not.toContain("b");
    // Within two hops, nothing.
    expect(await routes(searchOver(links, { ...question, maxHops: 2 }).found)).toEqual([]);
    // A direct link both keep is the answer, whatever else is kept.
    const direct = searchOver(links, { ...question, toKept: ["l5", "l6", "l2"] });
    expect(await routes(direct.found)).toEqual(["a>b l6"]);
    expect(direct.expanded).toEqual([]);
  });

  it("gives a path per kept link when a hub keeps two links to one neighbour, up to the limit", async () => {
    const links: Link[] = [
      ["l1", "a", "n1"],
      ["l2", "n1", "a"],
      ["l3", "n1", "b"],
    ];
    const question = { from: "a", to: "b", fromKept: ["l1", "l2"], maxHops: 2 };
    expect(await routes(searchOver(links, question).found)).toEqual([
      "a>n1>b l1 l3",
      "a>n1>b l2 l3",
    ]);
    expect(await searchOver(links, { ...question, limit: 1 }).found).toHaveLength(1);
  });

  it("finds every shortest path the brute-force search finds, on 300 small random graphs", async () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let compared = 0;
    const lengths = new Set<number>();
    for (let graph = 0; graph < 300; graph += 1) {
      const names = ["a", "b", ...Array.from({ length: 8 }, (_, i) => `n${i}`)];
      const links: Link[] = [];
      const count = 8 + Math.floor(random() * 12);
      for (let i = 0; i < count; i += 1) {
        const s = names[Math.floor(random() * names.length)] ?? "a";
        const t = names[Math.floor(random() * names.length)] ?? "b";
        links.push([`l${i}`, s, t]);
      }
      const keptOf = (end: string): string[] | undefined =>
        random() < 0.3
          ? undefined
          : links
              .filter(([, s, t]) => (s === end || t === end) && random() < 0.5)
              .map(([id]) => id);
      const fromKept = keptOf("a");
      const toKept = fromKept === undefined ? (keptOf("b") ?? []) : keptOf("b");
      const maxHops = 1 + Math.floor(random() * 5);
      const expected = oracle(links, "a", "b", maxHops, fromKept, toKept);
      const { found } = searchOver(links, { from: "a", to: "b", fromKept, toKept, maxHops });
      expect(await routes(found)).toEqual(expected);
      compared += 1;
      lengths.add(expected[0]?.split(" ").length ?? 0);
    }
    // Not vacuous: graphs without a path, and paths of one to five hops (the words of a route
    // are its links and its entities joined).
    expect(compared).toBe(300);
    expect([...lengths].sort()).toEqual([0, 2, 3, 4, 5, 6]);
  });
});
