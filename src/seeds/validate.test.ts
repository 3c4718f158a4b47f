import { createHash } from "node:crypto";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadSeedSet } from "./load";
import type { SeedProblem, SeedSet, SourcedRecord, Vocabulary } from "./types";
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

/** The fund's one fact, its amount, at `quote`. */
function amountFact(quote: { doc: string; quote: string; start: number }): Json {
  return { key: "amount", label: "资金规模", value: 10, unit: "亿元", ...quote };
}

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
      facts: [amountFact(at("天使投资引导资金10亿元"))],
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

/** The fixture's files with every entity passed through `change` (most come back unchanged). */
function withEntities(change: (record: Json) => Json): Files {
  return { entities: { "entities/a.json": entities().map(change) } };
}

/** The fixture's files with the entity `id` replaced by `change(entity)`. */
function withEntity(id: string, change: (record: Json) => Json): Files {
  return withEntities((record) => (record["id"] === id ? change(record) : record));
}

/** The fixture's files with the relationship at `index` replaced by `change(relationship)`. */
function withRelationship(index: number, change: (record: Json) => Json): Files {
  return {
    relationships: {
      "relationships/a.json": relationships().map((record, i) =>
        i === index ? change(record) : record,
      ),
    },
  };
}

/** A problem as the validator reports it in `file`, about the record it labels `record`. */
function problemIn(file: string): (record: string, reason: string) => SeedProblem {
  return (record, reason) => ({ file, record, reason });
}

const inDocuments = problemIn("documents.json");
const inEntities = problemIn("entities/a.json");
const inRelationships = problemIn("relationships/a.json");

/** One variant of a fixture and every problem the validator must find in it. */
interface Variant {
  readonly title: string;
  /** The fixture's files with one thing changed (a defect, or a change the contract allows). */
  readonly files: Files;
  /** Exactly the problems, in order: none for a variant that is valid. */
  readonly problems: readonly SeedProblem[];
}

/** One test a variant, in one `describe` a group: the whole list of problems must match. */
function checkVariants(vocabulary: Vocabulary, groups: Record<string, readonly Variant[]>): void {
  describe.each(Object.entries(groups))("%s", (_group, variants) => {
    // By "%s" of the title itself: "$title" would print it quoted and cut at 40 characters.
    it.each(variants.map((variant) => [variant.title, variant] as const))(
      "%s",
      (_title, { files, problems }) => {
        expect(validateSeedSet(seedSet(files), vocabulary)).toEqual(problems);
      },
    );
  });
}

const OTHER_SHA256 = sha256("another text");

const RENAMED = {
  name: "双流区",
  nameEn: "Shuangliu District",
  kind: "renamed",
  year: 2015,
  note: "outside knowledge",
};

/** The problem of `record`'s first later name `form`, which `owner` already bears. */
function laterNameTaken(record: string, form: string, owner: string): SeedProblem {
  return inEntities(
    record,
    `laterNames[0]: '${form}' is already a name of ${owner}; a later name must name this entity only`,
  );
}

const VARIANTS: Record<string, readonly Variant[]> = {
  schema: [
    {
      title: "rejects an unknown kind, naming it and the allowed kinds",
      files: withEntity("uestc", (e) => ({ ...e, kind: "Universty" })),
      problems: [
        inEntities(
          "uestc",
          "kind: unknown kind 'Universty'; allowed kinds: University, ResearchInstitute, District, GovernmentBody, Fund",
        ),
      ],
    },
    {
      title: "rejects an entity with a missing required field",
      files: withEntity("shuangliu", ({ name: _name, ...rest }) => rest),
      problems: [inEntities("shuangliu", "name: missing required field")],
    },
    {
      title: "rejects an entity with an unknown key",
      files: withEntity("shuangliu", (e) => ({ ...e, nameEN: "Shuangliu County" })),
      problems: [inEntities("shuangliu", "unknown key 'nameEN'")],
    },
    {
      title: "rejects an unknown key inside a quote, with the path to it",
      files: withEntity("shuangliu", (e) => ({ ...e, mentions: [{ ...at("双流县"), end: 17 }] })),
      problems: [inEntities("shuangliu", "mentions[0]: unknown key 'end'")],
    },
    {
      title: "rejects an id that is not a lowercase slug",
      files: {
        entities: {
          "entities/a.json": [
            ...entities(),
            { id: "Shuangliu_County", kind: "District", name: "双流区", mentions: [at("双流县")] },
          ],
        },
      },
      problems: [inEntities("Shuangliu_County", "id: must be a lowercase slug of a-z, 0-9 and -")],
    },
    {
      title: "labels a record without an id by its position in its file",
      files: { entities: { "entities/a.json": [...entities(), { kind: "District" }] } },
      problems: [
        inEntities("entities[5]", "id: missing required field"),
        inEntities("entities[5]", "name: missing required field"),
        inEntities("entities[5]", "mentions: missing required field"),
      ],
    },
    {
      title: "requires nameEnOfficial when nameEn is present",
      files: withEntity("uestc", ({ nameEnOfficial: _official, ...rest }) => rest),
      problems: [
        inEntities(
          "uestc",
          "nameEnOfficial: is required when nameEn is present (true if the English name is official)",
        ),
      ],
    },
    {
      title: "rejects a property value that is not a scalar",
      files: withRelationship(2, (r) => ({ ...r, properties: { years: [2012] } })),
      problems: [
        inRelationships(
          "kejiju -ESTABLISHED-> angel-fund",
          "properties.years: must be a string, number or boolean",
        ),
      ],
    },
    {
      title: "rejects a property that would overwrite the provenance of the link",
      files: withRelationship(2, (r) => ({ ...r, properties: { confidence: 0.5 } })),
      problems: [
        inRelationships(
          "kejiju -ESTABLISHED-> angel-fund",
          'property "confidence" is reserved for provenance; rename it',
        ),
      ],
    },
    {
      title: "rejects an inferred relationship without a note",
      files: withRelationship(1, ({ note: _note, ...rest }) => rest),
      problems: [
        inRelationships(
          "uestc -CO_BUILT-> uestc-institute",
          "note: an inferred relationship needs a note saying what it was inferred from",
        ),
      ],
    },
    {
      title: "rejects an inferred relationship with confidence 1",
      files: withRelationship(1, (r) => ({ ...r, confidence: 1 })),
      problems: [
        inRelationships(
          "uestc -CO_BUILT-> uestc-institute",
          "confidence: an inferred relationship needs a confidence below 1",
        ),
      ],
    },
    {
      // Two documents may state one key (versions of the fact); one document may not, twice.
      title: "rejects two facts of one entity with the same key in the same document",
      files: withEntity("angel-fund", (e) => ({
        ...e,
        facts: [amountFact(at("天使投资引导资金10亿元")), amountFact(at("10亿元"))],
      })),
      problems: [
        inEntities(
          "angel-fund",
          `facts[1]: duplicate fact key 'amount' in document ${DOC}, also facts[0]`,
        ),
      ],
    },
  ],

  documents: [
    {
      title: "rejects a document whose sha256 does not match its bytes",
      files: { documents: [{ ...documents()[0], sha256: OTHER_SHA256 }] },
      problems: [
        inDocuments(
          DOC,
          `sha256 mismatch: recorded ${OTHER_SHA256}, documents/doc-a.txt hashes to ${sha256(TEXT)}`,
        ),
      ],
    },
    {
      title: "labels a document record without an id by its index",
      files: { documents: [...documents(), { file: "b.txt" }] },
      problems: [
        inDocuments("documents[1]", "id: missing required field"),
        inDocuments("documents[1]", "title: missing required field"),
        inDocuments("documents[1]", "sha256: missing required field"),
        inDocuments("documents[1]", "language: missing required field"),
      ],
    },
  ],

  quotes: [
    {
      title: "rejects a quote that is not in its document",
      files: withEntity("uestc", (e) => ({
        ...e,
        mentions: [{ doc: DOC, quote: "清华大学", start: 6 }],
      })),
      problems: [
        inEntities("uestc", "mentions[0]: quote '清华大学' does not occur in document doc-a"),
      ],
    },
    {
      title: "rejects a quote at the wrong offset and says where it is",
      files: withEntity("uestc", (e) => ({
        ...e,
        mentions: [{ ...at("电子科技大学"), start: 7 }],
      })),
      problems: [
        inEntities("uestc", "mentions[0]: quote '电子科技大学' is not at 7; found at 6 instead"),
      ],
    },
    {
      title: "checks the quotes of facts and of relationship evidence",
      files: {
        ...withEntity("angel-fund", (e) => ({
          ...e,
          facts: [amountFact({ doc: DOC, quote: "10亿元", start: 0 })],
        })),
        ...withRelationship(0, (r) => ({
          ...r,
          evidence: [{ ...at("双流县共建"), doc: "doc-z" }],
        })),
      },
      problems: [
        inEntities(
          "angel-fund",
          `facts[0]: quote '10亿元' is not at 0; found at ${TEXT.indexOf("10亿元")} instead`,
        ),
        inRelationships(
          "shuangliu -CO_BUILT-> uestc-institute",
          "evidence[0]: unknown document 'doc-z'",
        ),
      ],
    },
  ],

  entities: [
    {
      title: "rejects a duplicate entity id, naming both files",
      files: {
        entities: {
          "entities/a.json": entities(),
          "entities/b.json": [
            { id: "uestc", kind: "District", name: "双流", mentions: [at("双流县")] },
          ],
        },
      },
      problems: [
        {
          file: "entities/b.json",
          record: "uestc",
          reason: "duplicate entity id; first defined in entities/a.json",
        },
      ],
    },
    {
      title: "rejects an alias shared by two entities that do not declare it ambiguous",
      files: withEntity("uestc-institute", (e) => ({ ...e, aliases: ["电子科大"] })),
      problems: [
        inEntities(
          "uestc",
          "alias '电子科大' resolves to uestc and uestc-institute; declare it in ambiguousAliases of both or remove it",
        ),
      ],
    },
    {
      title: "compares names case- and width-insensitively",
      files: withEntity("shuangliu", (e) => ({ ...e, aliases: ["ｕｅｓｔｃ"] })),
      problems: [
        inEntities(
          "uestc",
          "alias 'UESTC' resolves to uestc and shuangliu; declare it in ambiguousAliases of both or remove it",
        ),
      ],
    },
    {
      title: "accepts a shared alias that every entity sharing it declares ambiguous",
      files: withEntities((e) =>
        e["id"] === "uestc"
          ? { ...e, ambiguousAliases: ["电子科大"] }
          : e["id"] === "uestc-institute"
            ? { ...e, aliases: ["电子科大"], ambiguousAliases: ["电子科大"] }
            : e,
      ),
      problems: [],
    },
    {
      title: "rejects an ambiguous alias that is not one of the entity's names",
      files: withEntity("shuangliu", (e) => ({ ...e, ambiguousAliases: ["双流"] })),
      problems: [
        inEntities("shuangliu", "ambiguousAliases: '双流' is not a name or alias of this entity"),
      ],
    },
    {
      title: "accepts a later name of one entity, even one that repeats the entity's own name",
      files: withEntities((e) =>
        e["id"] === "shuangliu"
          ? { ...e, laterNames: [RENAMED] }
          : e["id"] === "uestc"
            ? { ...e, laterNames: [{ ...RENAMED, name: "电子科大", nameEn: undefined }] }
            : e,
      ),
      problems: [],
    },
    {
      title: "rejects a later name that is already a name of another entity, whatever is declared",
      files: withEntity("shuangliu", (e) => ({
        ...e,
        ambiguousAliases: ["双流县"],
        laterNames: [{ ...RENAMED, name: "电子科大", nameEn: "ｕｅｓｔｃ" }],
      })),
      problems: [
        laterNameTaken("shuangliu", "电子科大", "uestc"),
        laterNameTaken("shuangliu", "ｕｅｓｔｃ", "uestc"),
      ],
    },
    {
      title: "rejects a later name that two entities both claim",
      files: withEntities((e) =>
        e["id"] === "shuangliu" || e["id"] === "kejiju" ? { ...e, laterNames: [RENAMED] } : e,
      ),
      problems: [
        laterNameTaken("shuangliu", "双流区", "kejiju"),
        laterNameTaken("shuangliu", "Shuangliu District", "kejiju"),
        laterNameTaken("kejiju", "双流区", "shuangliu"),
        laterNameTaken("kejiju", "Shuangliu District", "shuangliu"),
      ],
    },
    {
      title: "rejects a later name without a note or with an unknown kind",
      files: withEntity("shuangliu", (e) => ({
        ...e,
        laterNames: [{ name: "双流区", kind: "merged", year: 2015 }],
      })),
      problems: [
        inEntities("shuangliu", "laterNames[0].kind: must be renamed"),
        inEntities("shuangliu", "laterNames[0].note: missing required field"),
      ],
    },
  ],

  relationships: [
    {
      title: "rejects a relationship whose target does not exist",
      files: withRelationship(0, (r) => ({ ...r, target: "nowhere" })),
      problems: [
        inRelationships(
          "shuangliu -CO_BUILT-> nowhere",
          "dangling endpoint: target 'nowhere' is not an entity",
        ),
      ],
    },
    {
      title: "rejects a relationship type that is not in the vocabulary",
      files: withRelationship(2, (r) => ({ ...r, type: "FUNDS" })),
      problems: [
        inRelationships("kejiju -FUNDS-> angel-fund", "unknown relationship type 'FUNDS'"),
      ],
    },
    {
      title: "rejects a relationship between kinds its type does not allow",
      files: withRelationship(0, (r) => ({ ...r, source: "kejiju" })),
      problems: [
        inRelationships(
          "kejiju -CO_BUILT-> uestc-institute",
          "disallowed relationship: GovernmentBody -CO_BUILT-> ResearchInstitute, CO_BUILT allows District|University -> ResearchInstitute",
        ),
      ],
    },
    {
      title: "rejects a relationship to a target kind its type does not allow",
      files: withRelationship(2, (r) => ({ ...r, target: "uestc" })),
      problems: [
        inRelationships(
          "kejiju -ESTABLISHED-> uestc",
          "disallowed relationship: GovernmentBody -ESTABLISHED-> University, ESTABLISHED allows GovernmentBody -> Fund",
        ),
      ],
    },
    {
      title: "rejects a duplicate (source, type, target), naming both files",
      files: {
        relationships: {
          "relationships/a.json": relationships(),
          "relationships/b.json": [relationships()[0] ?? {}],
        },
      },
      problems: [
        {
          file: "relationships/b.json",
          record: "shuangliu -CO_BUILT-> uestc-institute",
          reason: "duplicate relationship; first defined in relationships/a.json",
        },
      ],
    },
  ],
};

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

  checkVariants(VOCABULARY, VARIANTS);
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

/** The calibration fixture's files, with its entities or relationships replaced where given. */
function calibration(records: { entities?: Json[]; relationships?: Json[] } = {}): Files {
  return {
    text: CAL_TEXT,
    documents: [{ ...documents()[0], sha256: sha256(CAL_TEXT) }],
    entities: { "entities/a.json": records.entities ?? calEntities() },
    relationships: { "relationships/a.json": records.relationships ?? calRelationships() },
  };
}

function calEntity(id: string, change: (record: Json) => Json): Files {
  return calibration({
    entities: calEntities().map((record) => (record["id"] === id ? change(record) : record)),
  });
}

function calRelationship(index: number, change: (record: Json) => Json): Files {
  return calibration({
    relationships: calRelationships().map((record, i) => (i === index ? change(record) : record)),
  });
}

const COPIED = calAt("市委出台意见", THIRD_COPY);

const THRESHOLD_FACT = {
  key: "economicOutput",
  label: "经济总量首次突破万亿大关 (first exceeded 1 万亿元)",
  value: 1,
  unit: "万亿元",
  ...calAt("经济总量首次突破万亿大关"),
};

const CONSTRUCTED_NAME = "专题协商会议";

const CAL_VARIANTS: Record<string, readonly Variant[]> = {
  "the fixture": [
    {
      title:
        "accepts the calibration fixture: first copies, a positional link, a name over two lines",
      files: calibration(),
      problems: [],
    },
  ],

  "repeated sentences": [
    {
      title: "refuses a mention inside a later copy of a repeated sentence",
      files: calEntity("yijian", (e) => ({ ...e, mentions: [calAt("意见", SECOND_COPY)] })),
      problems: [
        inEntities(
          "yijian",
          `mentions[0]: quote '意见' at ${SECOND_COPY + 4} lies in a later copy of a sentence the document repeats verbatim 3+ times; quote the genuine sentence, or the first copy`,
        ),
      ],
    },
    {
      title: "refuses relationship evidence inside a later copy unless its note says why",
      files: calRelationship(0, (r) => ({ ...r, evidence: [COPIED] })),
      problems: [
        inRelationships(
          "yijian -ISSUED_BY-> shiwei",
          `evidence[0]: quote '市委出台意见' at ${THIRD_COPY} lies in a later copy of a sentence the document repeats verbatim 3+ times; quote the genuine sentence, or the first copy, and say so in the note`,
        ),
      ],
    },
    {
      title: "accepts relationship evidence inside a later copy when its note says why",
      files: calRelationship(0, (r) => ({
        ...r,
        evidence: [COPIED],
        note: "Only the repeated boilerplate sentence states it.",
      })),
      problems: [],
    },
  ],

  "facts and names": [
    {
      title: "refuses a fact whose quote states a threshold crossed without a qualifier",
      files: calEntity("chengdu", (e) => ({ ...e, facts: [THRESHOLD_FACT] })),
      problems: [
        inEntities(
          "chengdu",
          "facts[0]: the quote says 突破 (a threshold crossed, not an amount); add a qualifier saying so",
        ),
      ],
    },
    {
      title: "accepts a fact whose quote states a threshold crossed with a qualifier saying so",
      files: calEntity("chengdu", (e) => ({
        ...e,
        facts: [
          { ...THRESHOLD_FACT, qualifier: "首次突破 (first exceeded): a threshold, not an amount" },
        ],
      })),
      problems: [],
    },
    {
      title: "refuses a name found in no document unless it is flagged nameInferred",
      files: calEntity("meeting", (e) => ({ ...e, name: CONSTRUCTED_NAME })),
      problems: [
        inEntities(
          "meeting",
          "name '专题协商会议' occurs in no document; set nameInferred: true and say in the description how the name was made",
        ),
      ],
    },
    {
      title: "accepts a name found in no document when it is flagged nameInferred",
      files: calEntity("meeting", (e) => ({ ...e, name: CONSTRUCTED_NAME, nameInferred: true })),
      problems: [],
    },
  ],

  "evidence kinds": [
    {
      title: "refuses an explicit relationship whose quotes name neither end",
      files: calRelationship(0, (r) => ({ ...r, evidence: [calAt("出台")] })),
      problems: [
        inRelationships(
          "yijian -ISSUED_BY-> shiwei",
          "explicit, but its quotes name neither end (by any name form); quote a passage that names one, or label it inferred with a note",
        ),
      ],
    },
    {
      title: "counts an alias as naming an end",
      files: calEntity("shiwei", (e) => ({
        ...e,
        name: "中共成都市委",
        nameInferred: true,
        aliases: ["市委"],
      })),
      problems: [],
    },
    {
      title: "refuses as explicit a link whose quote names only the item under a Program heading",
      files: calRelationship(1, (r) => ({ ...r, evidenceKind: "explicit" })),
      problems: [
        inRelationships(
          "measure-4 -DELIVERS-> finance-platform",
          "explicit, but its quotes name only one end, not the Program 'measure-4' it falls under: the link rests on the item's place in the list; label it positional",
        ),
      ],
    },
    {
      title: "refuses a positional relationship whose quote does not show the item",
      files: calRelationship(1, (r) => ({ ...r, evidence: [calAt("五项措施")] })),
      problems: [
        inRelationships(
          "measure-4 -DELIVERS-> finance-platform",
          "positional, but its quotes name neither end; a positional quote must show the item",
        ),
      ],
    },
    {
      title: "refuses an evidence kind outside the closed vocabulary",
      files: calRelationship(1, (r) => ({ ...r, evidenceKind: "positonal" })),
      problems: [
        inRelationships(
          "measure-4 -DELIVERS-> finance-platform",
          "evidenceKind: must be explicit, inferred, positional, curated or imported",
        ),
      ],
    },
  ],
};

describe("calibration checks", () => {
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

  checkVariants(CAL_VOCABULARY, CAL_VARIANTS);
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
