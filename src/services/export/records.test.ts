import { describe, expect, it } from "vitest";
import type { GraphContent } from "../../repositories/export.repository";
import { ExportError, graphToSeedSet } from "./records";

// FIXTURE: a fictional two-entity graph over a one-line document.
const TEXT = "测试区甲与测试研究院共建。测试研究院在测试区甲。";
const DOC = "fixture-doc";

function passage(start: number, quote: string) {
  return { id: `${DOC}:${start}-${start + quote.length}`, doc: DOC, start, quote };
}

function graph(overrides: Partial<GraphContent> = {}): GraphContent {
  return {
    documents: [
      {
        id: DOC,
        file: "fixture.txt",
        title: "测试文件",
        sha256: "0".repeat(64),
        language: "zh",
        text: TEXT,
      },
    ],
    entities: [
      {
        id: "fixture-district",
        kind: "District",
        name: "测试区甲",
        namePinyin: "ceshiqujia",
        nameEn: null,
        nameInferred: false,
        aliases: [],
        aliasText: "ceshiqujia",
      },
      {
        id: "fixture-institute",
        kind: "ResearchInstitute",
        name: "测试研究院",
        nameEn: "Fixture Institute",
        nameEnOfficial: false,
        nameInferred: false,
        aliases: [],
        curated: true,
      },
    ],
    mentions: [
      { entityId: "fixture-district", kind: "curated", doc: DOC, start: 0, quote: "测试区甲" },
      { entityId: "fixture-district", kind: "automatic", doc: DOC, start: 19, quote: "测试区甲" },
      // Attached by a curator (no kind); the graph never scanned for its other occurrence.
      { entityId: "fixture-institute", kind: null, doc: DOC, start: 5, quote: "测试研究院" },
    ],
    facts: [],
    relationships: [
      {
        source: "fixture-district",
        type: "CO_BUILT",
        target: "fixture-institute",
        props: {
          id: "fixture-district|CO_BUILT|fixture-institute",
          evidence: [],
          quotes: [],
          evidenceKind: "curated",
          confidence: 1,
          note: "fixture note — fixture-curator",
          role: "牵头",
          propText: "牵头",
          outKey: "x",
          inKey: "y",
        },
      },
    ],
    passages: [
      passage(0, "测试区甲"),
      passage(19, "测试区甲"),
      passage(5, "测试研究院"),
      passage(13, "测试研究院在"),
    ],
    others: [
      { labels: ["SeedState"], props: { id: DOC, checksum: "0" } },
      {
        labels: ["Tombstone"],
        props: { id: "fixture-gone", what: "entity", at: "2026-01-01T00:00:00Z" },
      },
    ],
    ...overrides,
  };
}

describe("graphToSeedSet", () => {
  const set = graphToSeedSet(graph());

  it("writes a seeded entity as its seed record, without the derived fields", () => {
    expect(set.entities[0]).toEqual({
      id: "fixture-district",
      kind: "District",
      name: "测试区甲",
      aliases: [],
      laterNames: [],
      mentions: [{ doc: DOC, quote: "测试区甲", start: 0 }],
      facts: [],
    });
  });

  it("marks a curator's mention attached, and lists automatic mentions only where a scan would differ", () => {
    expect(set.entities[1]).toEqual({
      id: "fixture-institute",
      kind: "ResearchInstitute",
      name: "测试研究院",
      nameEn: "Fixture Institute",
      nameEnOfficial: false,
      aliases: [],
      laterNames: [],
      mentions: [{ doc: DOC, quote: "测试研究院", start: 5, attached: true }],
      facts: [],
      curated: true,
      // A scan finds 测试研究院 at 13; the graph holds no automatic mention of it.
      automaticMentions: [],
    });
  });

  it("writes a curator's link with its own properties and without the sort keys", () => {
    expect(set.relationships).toEqual([
      {
        source: "fixture-district",
        type: "CO_BUILT",
        target: "fixture-institute",
        evidence: [],
        evidenceKind: "curated",
        confidence: 1,
        properties: { role: "牵头" },
        note: "fixture note — fixture-curator",
      },
    ]);
  });

  it("keeps tombstones and unquoted passages in records, and leaves SeedState out", () => {
    expect(set.records).toEqual({
      tombstones: [{ at: "2026-01-01T00:00:00Z", id: "fixture-gone", what: "entity" }],
      audits: [],
      mutations: [],
      chainMapImports: [],
      candidates: [],
      passages: [{ doc: DOC, quote: "测试研究院在", start: 13 }],
    });
  });

  it("refuses a node or a property the seed format has no place for", () => {
    expect(() => graphToSeedSet(graph({ others: [{ labels: ["Mystery"], props: {} }] }))).toThrow(
      new ExportError("the graph holds a node labelled Mystery"),
    );
    const [district, institute] = graph().entities;
    expect(() =>
      graphToSeedSet(graph({ entities: [{ ...district, rank: 3 }, institute ?? {}] })),
    ).toThrow(/entity fixture-district has rank, which the seed format cannot hold/);
  });
});
