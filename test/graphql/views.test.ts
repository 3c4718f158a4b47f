import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, RELATION_SPECS } from "../../src/model/vocabulary";
import { runCypher } from "../helpers/db";
import { serveForFile, type Data } from "../helpers/server";

const DOCUMENTS = JSON.parse(
  readFileSync(path.resolve(__dirname, "../../seeds/documents.json"), "utf8"),
) as { id: string; title: string }[];
const DOCUMENT_TEXT = readFileSync(
  path.resolve(__dirname, "../../seeds/documents/000_257febe6d92f7e6f.txt"),
  "utf8",
);

const { ok } = serveForFile();

/** Each entity's number of relationships with other entities, read straight from Neo4j. */
async function degreesOf(ids: string[]): Promise<Map<string, number>> {
  const records = await runCypher(
    "UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-(:Entity) RETURN id, count(r) AS degree",
    { ids },
  );
  return new Map(records.map((r) => [r.get("id") as string, Number(r.get("degree"))]));
}

describe("vocabulary", () => {
  it("labels every kind and relationship type in Chinese and English", async () => {
    const data = await ok(`{ vocabulary {
      kinds { kind en zh description } relationTypes { type en zh description from to } } }`);
    expect(data.vocabulary.kinds.map((k: Data) => k.kind)).toEqual([...ENTITY_KINDS]);
    expect(data.vocabulary.relationTypes.map((t: Data) => t.type)).toEqual(
      RELATION_SPECS.map((spec) => spec.type),
    );
    expect(data.vocabulary.relationTypes[0]).toMatchObject({
      type: "CO_BUILT",
      en: "co-built",
      zh: "共建",
    });
    expect(data.vocabulary.kinds.find((k: Data) => k.kind === "District")).toMatchObject({
      en: "District, county or functional zone",
      zh: "区县 / 功能区",
    });
  });
});

describe("neighborhood nodes", () => {
  it("say how far each is from the start, how many links it has, and whether the view shows them all", async () => {
    const data =
      await ok(`{ neighborhood(id: "uestc-chengdu-research-institute", depth: 2, limit: 30) {
      nodes { id depth degree hasMore } edges { source target } } }`);
    const { nodes, edges } = data.neighborhood as { nodes: Data[]; edges: Data[] };
    expect(nodes[0]).toMatchObject({ id: "uestc-chengdu-research-institute", depth: 0 });

    // Depth: a breadth-first walk over the view's own edges from the start.
    const around = new Map<string, string[]>();
    for (const { source, target } of edges) {
      around.set(source, [...(around.get(source) ?? []), target]);
      around.set(target, [...(around.get(target) ?? []), source]);
    }
    const depth = new Map([["uestc-chengdu-research-institute", 0]]);
    let frontier = ["uestc-chengdu-research-institute"];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of around.get(id) ?? []) {
          if (depth.has(other)) continue;
          depth.set(other, depth.get(id)! + 1);
          next.push(other);
        }
      }
      frontier = next;
    }
    expect(Object.fromEntries(nodes.map((n) => [n.id, n.depth]))).toEqual(
      Object.fromEntries(depth),
    );
    expect(new Set(nodes.map((n) => n.depth))).toEqual(new Set([0, 1, 2]));

    const degrees = await degreesOf(nodes.map((n) => n.id));
    for (const node of nodes) {
      const shown = edges.filter((e) => e.source === node.id || e.target === node.id).length;
      expect(node.degree, node.id).toBe(degrees.get(node.id));
      expect(node.hasMore, node.id).toBe(degrees.get(node.id)! > shown);
    }
    // The start shows all three of its links; the view's edge at depth 2 leaves some out.
    expect(nodes.find((n) => n.id === "uestc-chengdu-research-institute")).toMatchObject({
      degree: 3,
      hasMore: false,
    });
    expect(nodes.filter((n) => n.hasMore).length).toBeGreaterThan(0);
  });

  it("number the entities of a path from its first", async () => {
    const data = await ok(`{ paths(fromId: "shuangliu-county", toId: "uestc", maxHops: 2) {
      nodes { id depth } } }`);
    expect(data.paths).toEqual([
      {
        nodes: [
          { id: "shuangliu-county", depth: 0 },
          { id: "uestc-chengdu-research-institute", depth: 1 },
          { id: "uestc", depth: 2 },
        ],
      },
    ]);
  });
});

describe("edge", () => {
  const id = "shuangliu-county|CO_BUILT|uestc-chengdu-research-institute";

  it("reads one relationship by its edge id, with its quote inside the paragraph that holds it", async () => {
    const data = await ok(
      `query ($id: ID!) { edge(id: $id) { id type source target evidenceKind confidence
        evidence { documentId documentTitle quote start end context { text quoteStart quoteEnd } } } }`,
      { id },
    );
    const edge = data.edge;
    expect(edge).toMatchObject({
      id,
      type: "CO_BUILT",
      source: "shuangliu-county",
      target: "uestc-chengdu-research-institute",
      evidenceKind: "explicit",
      confidence: 1,
    });
    expect(edge.evidence).toHaveLength(1);
    const [evidence] = edge.evidence;
    expect(evidence.documentTitle).toBe(DOCUMENTS[0]!.title);
    expect(DOCUMENT_TEXT.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    const { text, quoteStart, quoteEnd } = evidence.context;
    expect(text.slice(quoteStart, quoteEnd)).toBe(evidence.quote);
    // Within the quote's own line of the document, cut at sentence ends around the quote.
    const line = DOCUMENT_TEXT.split("\n").find((l) => l.includes(evidence.quote)) ?? "";
    expect(line).toContain(text);
    expect(text.length).toBeLessThan(line.length);
    expect(text.endsWith("。")).toBe(true);
    expect(text).toContain("锦江区与北京大学共建节能环保产业研究院");
  });

  it("is null for an id that names no relationship, whatever its shape", async () => {
    const data = await ok(`{
      a: edge(id: "uestc|CO_BUILT|shuangliu-county") { id }
      b: edge(id: "no-such-entity|CO_BUILT|uestc") { id }
      c: edge(id: "not an edge id") { id }
      d: edge(id: "a|b|c|d") { id }
    }`);
    expect(data).toEqual({ a: null, b: null, c: null, d: null });
  });

  it("gives evidence of an entity in context too", async () => {
    const data = await ok(`{ entity(id: "shuangliu-county") {
      evidence { quote context { text quoteStart quoteEnd } } } }`);
    expect(data.entity.evidence.length).toBeGreaterThan(0);
    for (const { quote, context } of data.entity.evidence) {
      expect(context.text.slice(context.quoteStart, context.quoteEnd)).toBe(quote);
    }
  });
});

describe("neighborhood showKinds", () => {
  it("walks through every kind and shows only the kinds asked for, where kinds stops the walk", async () => {
    const query = `query ($show: [EntityKind!], $kinds: [EntityKind!]) {
      neighborhood(id: "uestc", depth: 2, limit: 100, showKinds: $show, kinds: $kinds) {
        nodes { id kind depth hasMore degree } edges { source target } } }`;
    const all = (await ok(query)).neighborhood as { nodes: Data[]; edges: Data[] };
    const shown = (await ok(query, { show: ["District"] })).neighborhood as {
      nodes: Data[];
      edges: Data[];
    };
    const walkedOnly = (await ok(query, { kinds: ["District"] })).neighborhood as {
      nodes: Data[];
    };
    const districtsOfAll = all.nodes.filter((n) => n.kind === "District");
    // 双流县 is two hops away, through 电子科大成都研究院: showKinds keeps it, kinds never reaches it.
    expect(districtsOfAll.map((n) => n.id)).toContain("shuangliu-county");
    expect(shown.nodes.map((n) => n.id)).toEqual(["uestc", ...districtsOfAll.map((n) => n.id)]);
    expect(shown.nodes.find((n) => n.id === "shuangliu-county")?.depth).toBe(2);
    expect(walkedOnly.nodes.map((n) => n.id)).toEqual(["uestc"]);
    // Only edges between the nodes shown, and hasMore against them.
    const ids = new Set(shown.nodes.map((n) => n.id));
    expect(shown.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    for (const node of shown.nodes) {
      const touching = shown.edges.filter((e) => e.source === node.id || e.target === node.id);
      expect(node.hasMore).toBe(node.degree > touching.length);
    }
  });
});

describe("entity evidence", () => {
  /** Every place the document writes one of the entity's name forms. */
  function occurrences(forms: string[]): number[] {
    const starts: number[] = [];
    for (const form of forms) {
      for (let at = DOCUMENT_TEXT.indexOf(form); at >= 0; at = DOCUMENT_TEXT.indexOf(form, at + 1))
        starts.push(at);
    }
    return starts;
  }

  // The two the issue found short: 国家网络空间安全产业化基地 (lines 19 and 35) and 双流县.
  it.each([["cyberspace-security-base"], ["shuangliu-county"]])(
    "of %s covers every place the document names it, each passage marked curated or automatic",
    async (id) => {
      const data = await ok(
        `query ($id: ID!) { entity(id: $id) { name aliases evidence { start end quote mentionKind } } }`,
        { id },
      );
      const { name, aliases, evidence } = data.entity as {
        name: string;
        aliases: string[];
        evidence: { start: number; end: number; quote: string; mentionKind: string }[];
      };
      const places = occurrences([name, ...aliases.filter((alias) => alias.length >= 2)]);
      expect(places.length).toBeGreaterThan(1);
      for (const at of places) {
        // Neither is written inside a longer name of another entity, so every place is evidence.
        const covered = evidence.some((p) => p.start <= at && at < p.end);
        expect(covered, `${id} at ${at}`).toBe(true);
      }
      for (const p of evidence) {
        expect(DOCUMENT_TEXT.slice(p.start, p.end)).toBe(p.quote);
        expect(["curated", "automatic"]).toContain(p.mentionKind);
      }
      expect(evidence.some((p) => p.mentionKind === "automatic")).toBe(true);
    },
  );
});
