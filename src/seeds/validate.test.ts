import { createHash } from "node:crypto";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadSeedSet } from "./load";
import type { SeedSet, SourcedRecord, Vocabulary } from "./types";
import { checkSeedSet, countSeedSet, repeatedCopies, validateSeedSet } from "./validate";

// A small document and vocabulary of the tests' own, so that these tests do not move when the
// curator changes seeds/ or RELATION_SPECS.
const TEXT =
  "成都市委支持电子科技大学与双流县共建电子科大成都研究院。\n市科技局设立天使投资引导资金10亿元。\n";
const DOC = "doc-a";

const VOCABULARY: Vocabulary = {
  kinds: ["University", "ResearchInstitute", "District", "GovernmentBody", "Fund"],
  relations: [
    {
      type: "CO_BUILT",
      en: "co-built",
      zh: "共建",
      description: "A locality or university co-built an institute.",
      from: ["District", "University"],
      to: ["ResearchInstitute"],
    },
    {
      type: "ESTABLISHED",
      en: "established",
      zh: "设立",
      description: "A government body established a fund.",
      from: ["GovernmentBody"],
      to: ["Fund"],
    },
  ],
};

function at(quote: string, doc = DOC): { doc: string; quote: string; start: number } {
  const start = TEXT.indexOf(quote);
  if (start === -1) throw new Error(`test quote '${quote}' is not in the test document`);
  return { doc, quote, start };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type Json = Record<string, unknown>;

function documents(): Json[] {
  return [
    { id: DOC, file: "doc-a.txt", title: "校院地协同创新", sha256: sha256(TEXT), language: "zh" },
  ];
}

function entities(): Json[] {
  return [
    {
      id: "uestc",
      kind: "University",
      name: "电子科技大学",
      nameEn: "University of Electronic Science and Technology of China",
      nameEnOfficial: true,
      aliases: ["电子科大", "UESTC"],
      mentions: [at("电子科技大学")],
    },
    {
      id: "uestc-institute",
      kind: "ResearchInstitute",
      name: "电子科大成都研究院",
      nameEn: "UESTC Chengdu Research Institute",
      nameEnOfficial: false,
      mentions: [at("电子科大成都研究院")],
    },
    { id: "shuangliu", kind: "District", name: "双流县", mentions: [at("双流县")] },
    { id: "kejiju", kind: "GovernmentBody", name: "市科技局", mentions: [at("市科技局")] },
    {
      id: "angel-fund",
      kind: "Fund",
      name: "天使投资引导资金",
      mentions: [at("天使投资引导资金")],
      facts: [
        {
          key: "amount",
          label: "资金规模",
          value: 10,
          unit: "亿元",
          ...at("天使投资引导资金10亿元"),
        },
      ],
    },
  ];
}

function relationships(): Json[] {
  return [
    {
      source: "shuangliu",
      type: "CO_BUILT",
      target: "uestc-institute",
      evidence: [at("双流县共建电子科大成都研究院")],
      evidenceKind: "explicit",
    },
    {
      source: "uestc",
      type: "CO_BUILT",
      target: "uestc-institute",
      evidence: [at("电子科大成都研究院")],
      evidenceKind: "inferred",
      confidence: 0.8,
      note: "the institute's name carries the university's abbreviation",
    },
    {
      source: "kejiju",
      type: "ESTABLISHED",
      target: "angel-fund",
      evidence: [at("市科技局设立天使投资引导资金")],
      evidenceKind: "explicit",
      properties: { year: 2012, label: "fixture" },
    },
  ];
}

function sourced(file: string, records: readonly unknown[]): SourcedRecord[] {
  return records.map((record, index) => ({ file, index, record }));
}

interface Files {
  readonly documents?: Json[];
  readonly text?: string;
  readonly entities?: Record<string, Json[]>;
  readonly relationships?: Record<string, Json[]>;
}

/** A seed set as the loader would return it, from in-memory files. */
function seedSet(files: Files = {}): SeedSet {
  const bytes = Buffer.from(files.text ?? TEXT, "utf8");
  return {
    documents: sourced("documents.json", files.documents ?? documents()).map((document) => ({
      ...document,
      bytes,
    })),
    entities: Object.entries(files.entities ?? { "entities/a.json": entities() }).flatMap(
      ([file, records]) => sourced(file, records),
    ),
    relationships: Object.entries(
      files.relationships ?? { "relationships/a.json": relationships() },
    ).flatMap(([file, records]) => sourced(file, records)),
  };
}

/** The fixture entities with one record replaced by `change(record)`. */
function changeEntity(id: string, change: (record: Json) => Json): Json[] {
  return entities().map((record) => (record["id"] === id ? change(record) : record));
}

function changeRelationship(index: number, change: (record: Json) => Json): Json[] {
  return relationships().map((record, i) => (i === index ? change(record) : record));
}

function problemsOf(files: Files): ReturnType<typeof validateSeedSet> {
  return validateSeedSet(seedSet(files), VOCABULARY);
}

describe("validateSeedSet", () => {
  it("accepts a consistent seed set and counts its records and quotes", () => {
    const { problems, checked } = checkSeedSet(seedSet(), VOCABULARY);
    expect(problems).toEqual([]);
    expect(countSeedSet(checked)).toEqual({
      documents: 1,
      entities: 5,
      relationships: 3,
      facts: 1,
      quotes: 9,
    });
    expect(checked.documents[0]?.text).toBe(TEXT);
  });

  it("gives an explicit relationship without a confidence the confidence 1", () => {
    const { checked } = checkSeedSet(seedSet(), VOCABULARY);
    expect(checked.relationships.map(({ record }) => record.confidence)).toEqual([1, 0.8, 1]);
  });

  describe("schema", () => {
    it("rejects an unknown kind, naming it and the allowed kinds", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("uestc", (e) => ({ ...e, kind: "Universty" })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason:
            "kind: unknown kind 'Universty'; allowed kinds: University, ResearchInstitute, District, GovernmentBody, Fund",
        },
      ]);
    });

    it("rejects an entity with a missing required field", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", ({ name: _name, ...rest }) => rest),
        },
      });
      expect(problems).toEqual([
        { file: "entities/a.json", record: "shuangliu", reason: "name: missing required field" },
      ]);
    });

    it("rejects an entity with an unknown key", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({
            ...e,
            nameEN: "Shuangliu County",
          })),
        },
      });
      expect(problems).toEqual([
        { file: "entities/a.json", record: "shuangliu", reason: "unknown key 'nameEN'" },
      ]);
    });

    it("rejects an unknown key inside a quote, with the path to it", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({
            ...e,
            mentions: [{ ...at("双流县"), end: 17 }],
          })),
        },
      });
      expect(problems).toEqual([
        { file: "entities/a.json", record: "shuangliu", reason: "mentions[0]: unknown key 'end'" },
      ]);
    });

    it("rejects an id that is not a lowercase slug", () => {
      const badId = {
        id: "Shuangliu_County",
        kind: "District",
        name: "双流区",
        mentions: [at("双流县")],
      };
      const problems = problemsOf({ entities: { "entities/a.json": [...entities(), badId] } });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "Shuangliu_County",
          reason: "id: must be a lowercase slug of a-z, 0-9 and -",
        },
      ]);
    });

    it("labels a record without an id by its position in its file", () => {
      const problems = problemsOf({
        entities: { "entities/a.json": [...entities(), { kind: "District" }] },
      });
      expect(problems.map((p) => [p.file, p.record])).toContainEqual([
        "entities/a.json",
        "entities[5]",
      ]);
      expect(problems.map((p) => p.reason)).toEqual([
        "id: missing required field",
        "name: missing required field",
        "mentions: missing required field",
      ]);
    });

    it("requires nameEnOfficial when nameEn is present", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity(
            "uestc",
            ({ nameEnOfficial: _official, ...rest }) => rest,
          ),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason:
            "nameEnOfficial: is required when nameEn is present (true if the English name is official)",
        },
      ]);
    });

    it("rejects a property value that is not a scalar", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(2, (r) => ({
            ...r,
            properties: { years: [2012] },
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "kejiju -ESTABLISHED-> angel-fund",
          reason: "properties.years: must be a string, number or boolean",
        },
      ]);
    });

    it("rejects a property that would overwrite the provenance of the link", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(2, (r) => ({
            ...r,
            properties: { confidence: 0.5 },
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "kejiju -ESTABLISHED-> angel-fund",
          reason: 'property "confidence" is reserved for provenance; rename it',
        },
      ]);
    });

    it("rejects an inferred relationship without a note", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(1, ({ note: _note, ...rest }) => rest),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "uestc -CO_BUILT-> uestc-institute",
          reason: "note: an inferred relationship needs a note saying what it was inferred from",
        },
      ]);
    });

    it("rejects an inferred relationship with confidence 1", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(1, (r) => ({ ...r, confidence: 1 })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "uestc -CO_BUILT-> uestc-institute",
          reason: "confidence: an inferred relationship needs a confidence below 1",
        },
      ]);
    });

    it("rejects two facts of one entity with the same key", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("angel-fund", (e) => ({
            ...e,
            facts: [
              {
                key: "amount",
                label: "资金规模",
                value: 10,
                unit: "亿元",
                ...at("天使投资引导资金10亿元"),
              },
              { key: "amount", label: "资金规模", value: 10, unit: "亿元", ...at("10亿元") },
            ],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "angel-fund",
          reason: "facts[1]: duplicate fact key 'amount', also facts[0]",
        },
      ]);
    });
  });

  describe("documents", () => {
    it("rejects a document whose sha256 does not match its bytes", () => {
      const recorded = sha256("another text");
      const problems = problemsOf({ documents: [{ ...documents()[0], sha256: recorded }] });
      expect(problems).toEqual([
        {
          file: "documents.json",
          record: DOC,
          reason: `sha256 mismatch: recorded ${recorded}, documents/doc-a.txt hashes to ${sha256(TEXT)}`,
        },
      ]);
    });

    it("labels a document record without an id by its index", () => {
      const problems = problemsOf({ documents: [...documents(), { file: "b.txt" }] });
      expect(problems.map((p) => `${p.file}: ${p.record}: ${p.reason}`)).toEqual([
        "documents.json: documents[1]: id: missing required field",
        "documents.json: documents[1]: title: missing required field",
        "documents.json: documents[1]: sha256: missing required field",
        "documents.json: documents[1]: language: missing required field",
      ]);
    });
  });

  describe("quotes", () => {
    it("rejects a quote that is not in its document", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("uestc", (e) => ({
            ...e,
            mentions: [{ doc: DOC, quote: "清华大学", start: 6 }],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason: "mentions[0]: quote '清华大学' does not occur in document doc-a",
        },
      ]);
    });

    it("rejects a quote at the wrong offset and says where it is", () => {
      const wrong = { ...at("电子科技大学"), start: 7 };
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("uestc", (e) => ({ ...e, mentions: [wrong] })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason: "mentions[0]: quote '电子科技大学' is not at 7; found at 6 instead",
        },
      ]);
    });

    it("checks the quotes of facts and of relationship evidence", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("angel-fund", (e) => ({
            ...e,
            facts: [
              {
                key: "amount",
                label: "资金规模",
                value: 10,
                unit: "亿元",
                doc: DOC,
                quote: "10亿元",
                start: 0,
              },
            ],
          })),
        },
        relationships: {
          "relationships/a.json": changeRelationship(0, (r) => ({
            ...r,
            evidence: [{ ...at("双流县共建"), doc: "doc-z" }],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "angel-fund",
          reason: `facts[0]: quote '10亿元' is not at 0; found at ${TEXT.indexOf("10亿元")} instead`,
        },
        {
          file: "relationships/a.json",
          record: "shuangliu -CO_BUILT-> uestc-institute",
          reason: "evidence[0]: unknown document 'doc-z'",
        },
      ]);
    });
  });

  describe("entities", () => {
    it("rejects a duplicate entity id, naming both files", () => {
      const duplicate = { id: "uestc", kind: "District", name: "双流", mentions: [at("双流县")] };
      const problems = problemsOf({
        entities: { "entities/a.json": entities(), "entities/b.json": [duplicate] },
      });
      expect(problems).toEqual([
        {
          file: "entities/b.json",
          record: "uestc",
          reason: "duplicate entity id; first defined in entities/a.json",
        },
      ]);
    });

    it("rejects an alias shared by two entities that do not declare it ambiguous", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("uestc-institute", (e) => ({
            ...e,
            aliases: ["电子科大"],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason:
            "alias '电子科大' resolves to uestc and uestc-institute; declare it in ambiguousAliases of both or remove it",
        },
      ]);
    });

    it("compares names case- and width-insensitively", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({ ...e, aliases: ["ｕｅｓｔｃ"] })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "uestc",
          reason:
            "alias 'UESTC' resolves to uestc and shuangliu; declare it in ambiguousAliases of both or remove it",
        },
      ]);
    });

    it("accepts a shared alias that every entity sharing it declares ambiguous", () => {
      const shared = entities().map((e) =>
        e["id"] === "uestc"
          ? { ...e, ambiguousAliases: ["电子科大"] }
          : e["id"] === "uestc-institute"
            ? { ...e, aliases: ["电子科大"], ambiguousAliases: ["电子科大"] }
            : e,
      );
      expect(problemsOf({ entities: { "entities/a.json": shared } })).toEqual([]);
    });

    it("rejects an ambiguous alias that is not one of the entity's names", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({
            ...e,
            ambiguousAliases: ["双流"],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "shuangliu",
          reason: "ambiguousAliases: '双流' is not a name or alias of this entity",
        },
      ]);
    });

    const renamed = {
      name: "双流区",
      nameEn: "Shuangliu District",
      kind: "renamed",
      year: 2015,
      note: "outside knowledge",
    };

    it("accepts a later name of one entity, even one that repeats the entity's own name", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": entities().map((e) =>
            e["id"] === "shuangliu"
              ? { ...e, laterNames: [renamed] }
              : e["id"] === "uestc"
                ? { ...e, laterNames: [{ ...renamed, name: "电子科大", nameEn: undefined }] }
                : e,
          ),
        },
      });
      expect(problems).toEqual([]);
    });

    it("rejects a later name that is already a name of another entity, whatever is declared", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({
            ...e,
            ambiguousAliases: ["双流县"],
            laterNames: [{ ...renamed, name: "电子科大", nameEn: "ｕｅｓｔｃ" }],
          })),
        },
      });
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "shuangliu",
          reason:
            "laterNames[0]: '电子科大' is already a name of uestc; a later name must name this entity only",
        },
        {
          file: "entities/a.json",
          record: "shuangliu",
          reason:
            "laterNames[0]: 'ｕｅｓｔｃ' is already a name of uestc; a later name must name this entity only",
        },
      ]);
    });

    it("rejects a later name that two entities both claim", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": entities().map((e) =>
            e["id"] === "shuangliu" || e["id"] === "kejiju" ? { ...e, laterNames: [renamed] } : e,
          ),
        },
      });
      expect(problems.map(({ record, reason }) => `${record}: ${reason}`)).toEqual([
        "shuangliu: laterNames[0]: '双流区' is already a name of kejiju; a later name must name this entity only",
        "shuangliu: laterNames[0]: 'Shuangliu District' is already a name of kejiju; a later name must name this entity only",
        "kejiju: laterNames[0]: '双流区' is already a name of shuangliu; a later name must name this entity only",
        "kejiju: laterNames[0]: 'Shuangliu District' is already a name of shuangliu; a later name must name this entity only",
      ]);
    });

    it("rejects a later name without a note or with an unknown kind", () => {
      const problems = problemsOf({
        entities: {
          "entities/a.json": changeEntity("shuangliu", (e) => ({
            ...e,
            laterNames: [{ name: "双流区", kind: "merged", year: 2015 }],
          })),
        },
      });
      expect(problems.map(({ reason }) => reason)).toEqual([
        "laterNames[0].kind: must be renamed",
        "laterNames[0].note: missing required field",
      ]);
    });
  });

  describe("relationships", () => {
    it("rejects a relationship whose target does not exist", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(0, (r) => ({ ...r, target: "nowhere" })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "shuangliu -CO_BUILT-> nowhere",
          reason: "dangling endpoint: target 'nowhere' is not an entity",
        },
      ]);
    });

    it("rejects a relationship type that is not in the vocabulary", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(2, (r) => ({ ...r, type: "FUNDS" })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "kejiju -FUNDS-> angel-fund",
          reason: "unknown relationship type 'FUNDS'",
        },
      ]);
    });

    it("rejects a relationship between kinds its type does not allow", () => {
      const problems = problemsOf({
        relationships: {
          "relationships/a.json": changeRelationship(0, (r) => ({ ...r, source: "kejiju" })),
        },
      });
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "kejiju -CO_BUILT-> uestc-institute",
          reason:
            "disallowed relationship: GovernmentBody -CO_BUILT-> ResearchInstitute, CO_BUILT allows District|University -> ResearchInstitute",
        },
      ]);
    });

    it("rejects a duplicate (source, type, target), naming both files", () => {
      const first = relationships()[0] ?? {};
      const problems = problemsOf({
        relationships: { "relationships/a.json": relationships(), "relationships/b.json": [first] },
      });
      expect(problems).toEqual([
        {
          file: "relationships/b.json",
          record: "shuangliu -CO_BUILT-> uestc-institute",
          reason: "duplicate relationship; first defined in relationships/a.json",
        },
      ]);
    });
  });
});

// A document of its own for the calibration checks: a sentence repeated three times (boilerplate),
// a numbered list under a heading, a threshold crossed and a title printed over two lines.
const CAL_TEXT =
  "市委出台意见。市委出台意见。五项措施。一是搭平台。搭建金融支持平台。市委出台意见。" +
  "经济总量首次突破万亿大关。专题\n协商会。";

const CAL_VOCABULARY: Vocabulary = {
  kinds: ["GovernmentBody", "Policy", "Program", "Platform", "Region", "Event"],
  relations: [
    {
      type: "ISSUED_BY",
      en: "issued by",
      zh: "发布",
      description: "A policy is issued by a body.",
      from: ["Policy"],
      to: ["GovernmentBody"],
    },
    {
      type: "DELIVERS",
      en: "delivers",
      zh: "举措产出",
      description: "A measure sets up a deliverable.",
      from: ["Program"],
      to: ["Platform"],
    },
  ],
};

function calAt(quote: string, from = 0): { doc: string; quote: string; start: number } {
  const start = CAL_TEXT.indexOf(quote, from);
  if (start === -1) throw new Error(`test quote '${quote}' is not in the calibration document`);
  return { doc: DOC, quote, start };
}

// The second copy of the boilerplate sentence, and the third.
const SECOND_COPY = CAL_TEXT.indexOf("市委出台意见", 1);
const THIRD_COPY = CAL_TEXT.lastIndexOf("市委出台意见");

function calEntities(): Json[] {
  return [
    { id: "shiwei", kind: "GovernmentBody", name: "市委", mentions: [calAt("市委")] },
    { id: "yijian", kind: "Policy", name: "意见", mentions: [calAt("意见")] },
    { id: "measure-4", kind: "Program", name: "搭平台", mentions: [calAt("一是搭平台")] },
    {
      id: "finance-platform",
      kind: "Platform",
      name: "金融支持平台",
      mentions: [calAt("金融支持平台")],
    },
    { id: "chengdu", kind: "Region", name: "经济总量", mentions: [calAt("经济总量")] },
    // The text prints the name over two lines; whitespace aside, it occurs.
    { id: "meeting", kind: "Event", name: "专题 协商会", mentions: [calAt("专题\n协商会")] },
  ];
}

function calRelationships(): Json[] {
  return [
    {
      source: "yijian",
      type: "ISSUED_BY",
      target: "shiwei",
      evidence: [calAt("市委出台意见")],
      evidenceKind: "explicit",
    },
    {
      source: "measure-4",
      type: "DELIVERS",
      target: "finance-platform",
      evidence: [calAt("搭建金融支持平台")],
      evidenceKind: "positional",
    },
  ];
}

function calProblems(
  entities: Json[] = calEntities(),
  relationships: Json[] = calRelationships(),
): ReturnType<typeof validateSeedSet> {
  const files: Files = {
    text: CAL_TEXT,
    documents: [{ ...documents()[0], sha256: sha256(CAL_TEXT) }],
    entities: { "entities/a.json": entities },
    relationships: { "relationships/a.json": relationships },
  };
  return validateSeedSet(seedSet(files), CAL_VOCABULARY);
}

function calEntity(id: string, change: (record: Json) => Json): Json[] {
  return calEntities().map((record) => (record["id"] === id ? change(record) : record));
}

function calRelationship(index: number, change: (record: Json) => Json): Json[] {
  return calRelationships().map((record, i) => (i === index ? change(record) : record));
}

describe("calibration checks", () => {
  it("accepts the calibration fixture: first copies, a positional link, a name over two lines", () => {
    expect(calProblems()).toEqual([]);
  });

  describe("repeated sentences", () => {
    it("finds the later copies of a sentence repeated three times or more, not of one repeated twice", () => {
      expect(repeatedCopies("甲。甲。甲。乙。乙。")).toEqual([
        { start: 2, end: 3 },
        { start: 4, end: 5 },
      ]);
      // A line break ends a sentence too (a headline has no full stop).
      expect(repeatedCopies("甲\n\n甲。甲！")).toEqual([
        { start: 3, end: 4 },
        { start: 5, end: 6 },
      ]);
    });

    it("refuses a mention inside a later copy of a repeated sentence", () => {
      const problems = calProblems(
        calEntity("yijian", (e) => ({ ...e, mentions: [calAt("意见", SECOND_COPY)] })),
      );
      expect(problems).toEqual([
        {
          file: "entities/a.json",
          record: "yijian",
          reason: `mentions[0]: quote '意见' at ${SECOND_COPY + 4} lies in a later copy of a sentence the document repeats verbatim 3+ times; quote the genuine sentence, or the first copy`,
        },
      ]);
    });

    it("refuses relationship evidence inside a later copy unless its note says why", () => {
      const copied = calAt("市委出台意见", THIRD_COPY);
      const problems = calProblems(
        calEntities(),
        calRelationship(0, (r) => ({ ...r, evidence: [copied] })),
      );
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "yijian -ISSUED_BY-> shiwei",
          reason: `evidence[0]: quote '市委出台意见' at ${THIRD_COPY} lies in a later copy of a sentence the document repeats verbatim 3+ times; quote the genuine sentence, or the first copy, and say so in the note`,
        },
      ]);
      const explained = calRelationship(0, (r) => ({
        ...r,
        evidence: [copied],
        note: "Only the repeated boilerplate sentence states it.",
      }));
      expect(calProblems(calEntities(), explained)).toEqual([]);
    });
  });

  it("refuses a fact whose quote states a threshold crossed without a qualifier", () => {
    const fact = {
      key: "economicOutput",
      label: "经济总量首次突破万亿大关 (first exceeded 1 万亿元)",
      value: 1,
      unit: "万亿元",
      ...calAt("经济总量首次突破万亿大关"),
    };
    const problems = calProblems(calEntity("chengdu", (e) => ({ ...e, facts: [fact] })));
    expect(problems).toEqual([
      {
        file: "entities/a.json",
        record: "chengdu",
        reason:
          "facts[0]: the quote says 突破 (a threshold crossed, not an amount); add a qualifier saying so",
      },
    ]);
    const qualified = {
      ...fact,
      qualifier: "首次突破 (first exceeded): a threshold, not an amount",
    };
    expect(calProblems(calEntity("chengdu", (e) => ({ ...e, facts: [qualified] })))).toEqual([]);
  });

  it("refuses a name found in no document unless it is flagged nameInferred", () => {
    const constructed = (e: Json): Json => ({ ...e, name: "专题协商会议" });
    expect(calProblems(calEntity("meeting", constructed))).toEqual([
      {
        file: "entities/a.json",
        record: "meeting",
        reason:
          "name '专题协商会议' occurs in no document; set nameInferred: true and say in the description how the name was made",
      },
    ]);
    const flagged = (e: Json): Json => ({ ...constructed(e), nameInferred: true });
    expect(calProblems(calEntity("meeting", flagged))).toEqual([]);
  });

  describe("evidence kinds", () => {
    it("refuses an explicit relationship whose quotes name neither end", () => {
      const problems = calProblems(
        calEntities(),
        calRelationship(0, (r) => ({ ...r, evidence: [calAt("出台")] })),
      );
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "yijian -ISSUED_BY-> shiwei",
          reason:
            "explicit, but its quotes name neither end (by any name form); quote a passage that names one, or label it inferred with a note",
        },
      ]);
    });

    it("counts an alias as naming an end", () => {
      const aliased = calEntity("shiwei", (e) => ({
        ...e,
        name: "中共成都市委",
        nameInferred: true,
        aliases: ["市委"],
      }));
      expect(calProblems(aliased)).toEqual([]);
    });

    it("refuses as explicit a link whose quote names only the item under a Program heading", () => {
      const problems = calProblems(
        calEntities(),
        calRelationship(1, (r) => ({ ...r, evidenceKind: "explicit" })),
      );
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "measure-4 -DELIVERS-> finance-platform",
          reason:
            "explicit, but its quotes name only one end, not the Program 'measure-4' it falls under: the link rests on the item's place in the list; label it positional",
        },
      ]);
    });

    it("refuses a positional relationship whose quote does not show the item", () => {
      const problems = calProblems(
        calEntities(),
        calRelationship(1, (r) => ({ ...r, evidence: [calAt("五项措施")] })),
      );
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "measure-4 -DELIVERS-> finance-platform",
          reason:
            "positional, but its quotes name neither end; a positional quote must show the item",
        },
      ]);
    });

    it("refuses an evidence kind outside the closed vocabulary", () => {
      const problems = calProblems(
        calEntities(),
        calRelationship(1, (r) => ({ ...r, evidenceKind: "positonal" })),
      );
      expect(problems).toEqual([
        {
          file: "relationships/a.json",
          record: "measure-4 -DELIVERS-> finance-platform",
          reason: "evidenceKind: must be explicit, inferred or positional",
        },
      ]);
    });
  });
});

describe("the real seeds/ directory", () => {
  it("validates with no problems against the project vocabulary", async () => {
    const set = await loadSeedSet(path.resolve(__dirname, "../../seeds"));
    expect(validateSeedSet(set)).toEqual([]);
  });

  it("holds the calibration fixes of the data audit", async () => {
    const { checked } = checkSeedSet(await loadSeedSet(path.resolve(__dirname, "../../seeds")));
    const relationships = checked.relationships.map(({ record }) => record);
    // The links that rest on an item's place in a list are labelled so (78 of them).
    expect(relationships.filter((r) => r.evidenceKind === "positional")).toHaveLength(78);
    // The cluster projects follow no particular roadmap the text names.
    expect(
      relationships.filter(
        (r) => r.source === "industrial-cluster-projects" && r.target.startsWith("roadmap-"),
      ),
    ).toEqual([]);
    // The 意见's issuer is quoted from its genuine sentence, not a boilerplate copy.
    const issuedBy = relationships.find(
      (r) =>
        r.source === "opinions-innovation-driven-strategy" &&
        r.target === "chengdu-municipal-party-committee",
    );
    expect(issuedBy?.evidence.map((q) => q.quote)).toEqual([
      "“1”是市委《关于实施创新驱动发展战略加快创新型城市建设的意见》",
    ]);
  });
});
