import { describe, expect, it } from "vitest";
import type { EntityKind } from "../model/vocabulary";
import { proposeCandidates, type ProposedCandidates } from "./candidates";
import { splitPassages } from "./passages";
import { allows } from "./relations";

/** A fictional policy text (fixture): every name in it is invented. */
const FIXTURE_SENTENCE =
  "如青山县与示例大学共建示例大学青山研究院、绿水研究院等,目前,这类新型研究院全市已有3个。";
const FIXTURE_TEXT = [
  FIXTURE_SENTENCE,
  "以青山县示例科技产业园、白云区星河创新基地为重点,推进近郊区县提质发展。",
  "设立5亿元的示例创业投资引导资金。",
  "由行业龙头企业牵头,高校院所和产业联盟参与,实施示例协同创新重大项目。",
  FIXTURE_SENTENCE,
].join("\n");
const FIXTURE_FORMS = [
  { form: "示例大学", entityId: "fixture-university" },
  { form: "青山县", entityId: "fixture-county" },
];
const FIXTURE_KINDS = new Map<string, EntityKind>([
  ["fixture-university", "University"],
  ["fixture-county", "District"],
]);

const propose = (known = false): ProposedCandidates =>
  proposeCandidates(FIXTURE_TEXT, splitPassages(FIXTURE_TEXT), known ? FIXTURE_FORMS : [], {
    kindOf: FIXTURE_KINDS,
  });

const triples = (proposed: ProposedCandidates) =>
  proposed.relationships.map((r) => `${r.source.name} -${r.type}-> ${r.target.name}`);

describe("proposeCandidates", () => {
  it("proposes names by their kind words, cut at stop words, with a district prefix split off", () => {
    expect(propose().entities.map((e) => [e.name, e.kind, e.rule])).toEqual([
      ["青山县", "District", "entity:suffix-县"],
      ["示例大学", "University", "entity:suffix-大学"],
      ["示例大学青山研究院", "ResearchInstitute", "entity:suffix-研究院"],
      ["绿水研究院", "ResearchInstitute", "entity:suffix-研究院"],
      ["新型研究院", "CollectiveActor", "entity:suffix-研究院"],
      ["示例科技产业园", "Carrier", "entity:suffix-产业园"],
      ["白云区", "District", "entity:suffix-区"],
      ["星河创新基地", "Project", "entity:suffix-创新基地"],
      ["近郊区县", "Region", "entity:suffix-区县"],
      ["示例创业投资引导资金", "Fund", "entity:suffix-资金"],
      ["行业龙头企业", "CollectiveActor", "entity:suffix-企业"],
      ["高校院所", "CollectiveActor", "entity:suffix-院所"],
      ["产业联盟", "CollectiveActor", "entity:suffix-联盟"],
      ["示例协同创新重大项目", "Project", "entity:suffix-项目"],
    ]);
  });

  it("keeps one candidate per name and kind with all its occurrences, not reading repeated sentences", () => {
    const county = propose().entities.find((e) => e.name === "青山县");
    // The fifth line repeats the first verbatim: its 青山县 (at 138) is not an occurrence.
    expect(county?.occurrences).toEqual([
      { start: 1, quote: "青山县" },
      { start: 47, quote: "青山县" },
    ]);
    expect(FIXTURE_TEXT.indexOf("青山县", 100)).toBe(138);
  });

  it("proposes relationships from triggers and names side by side, typed as the vocabulary allows", () => {
    expect(triples(propose())).toEqual([
      "示例大学青山研究院 -EXAMPLE_OF-> 新型研究院",
      "绿水研究院 -EXAMPLE_OF-> 新型研究院",
      "青山县 -CO_BUILT-> 示例大学青山研究院",
      "青山县 -CO_BUILT-> 绿水研究院",
      "示例大学 -CO_BUILT-> 示例大学青山研究院",
      "示例大学 -CO_BUILT-> 绿水研究院",
      "示例科技产业园 -LOCATED_IN-> 青山县",
      "示例科技产业园 -DRIVES-> 近郊区县",
      "星河创新基地 -LOCATED_IN-> 白云区",
      "行业龙头企业 -LEADS-> 示例协同创新重大项目",
      "高校院所 -PARTICIPATES_IN-> 示例协同创新重大项目",
      "产业联盟 -PARTICIPATES_IN-> 示例协同创新重大项目",
    ]);
    for (const r of propose().relationships) {
      expect(allows(r.type, r.source.kind, r.target.kind)).toBe(true);
    }
  });

  it("does not propose known entities again, and ends relationships at them by id", () => {
    const proposed = propose(true);
    const names = proposed.entities.map((e) => e.name);
    expect(names).not.toContain("青山县");
    expect(names).not.toContain("示例大学");
    const built = proposed.relationships.filter((r) => r.type === "CO_BUILT");
    expect(
      built.map((r) => [r.source.entityId, r.source.candidate, r.target.candidate?.name]),
    ).toEqual([
      ["fixture-county", null, "示例大学青山研究院"],
      ["fixture-county", null, "绿水研究院"],
      ["fixture-university", null, "示例大学青山研究院"],
      ["fixture-university", null, "绿水研究院"],
    ]);
  });

  it("finds the mentions of known entities, nested ones too, outside repeated sentences", () => {
    expect(propose(true).mentions).toEqual([
      { entityId: "fixture-county", start: 1, quote: "青山县" },
      { entityId: "fixture-university", start: 5, quote: "示例大学" },
      { entityId: "fixture-university", start: 11, quote: "示例大学" },
      { entityId: "fixture-county", start: 47, quote: "青山县" },
    ]);
    expect(propose(false).mentions).toEqual([]);
  });

  it("proposes numbers with units as facts of the name they count or qualify", () => {
    expect(propose().facts.map((f) => [f.subject.name, f.value, f.unit, f.key, f.quote])).toEqual([
      ["新型研究院", 3, "个", "count", "新型研究院全市已有3个"],
      ["示例创业投资引导资金", 5, "亿元", "amount", "5亿元的示例创业投资引导资金"],
    ]);
  });

  it("quotes every candidate verbatim at its offset, inside its passage", () => {
    const proposed = propose(true);
    const all = [...proposed.entities, ...proposed.relationships, ...proposed.facts];
    expect(all.length).toBe(26);
    for (const c of all) {
      expect(FIXTURE_TEXT.slice(c.start, c.start + c.quote.length)).toBe(c.quote);
      expect(c.start).toBeGreaterThanOrEqual(c.passageStart);
      expect(c.start + c.quote.length).toBeLessThanOrEqual(c.passageEnd);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    for (const e of proposed.entities) {
      for (const o of e.occurrences)
        expect(FIXTURE_TEXT.slice(o.start, o.start + o.quote.length)).toBe(o.quote);
    }
  });

  it("proposes nothing from a text without names", () => {
    const text = "会议认为,要进一步加快发展。";
    expect(proposeCandidates(text, splitPassages(text), [])).toEqual({
      mentions: [],
      entities: [],
      relationships: [],
      facts: [],
    });
  });
});
