import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, RELATION_TYPES } from "../model/vocabulary";
import {
  ENUMERATION_RULES,
  RELATION_RULES,
  SUFFIX_RULES,
  UNIT_RULES,
  ADJACENT_RULE,
  LEADING_NAME_RULE,
} from "./rules";

describe("the rule tables", () => {
  it("give every rule a distinct id", () => {
    const ids = [...SUFFIX_RULES, ...ENUMERATION_RULES, ...RELATION_RULES, ...UNIT_RULES].map(
      (r) => r.id,
    );
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("name only kinds and relationship types of the vocabulary", () => {
    const kinds: readonly string[] = ENTITY_KINDS;
    for (const rule of SUFFIX_RULES) expect(kinds).toContain(rule.kind);
    const types = [
      ...RELATION_RULES.map((r) => r.type),
      ...ADJACENT_RULE.types,
      ...LEADING_NAME_RULE.types,
    ];
    for (const type of types) expect(RELATION_TYPES).toContain(type);
  });

  it("keep suffix ids in the form entity:suffix-<suffix>", () => {
    expect(SUFFIX_RULES.find((r) => r.suffix === "大学")?.id).toBe("entity:suffix-大学");
    expect(SUFFIX_RULES.every((r) => r.id === `entity:suffix-${r.suffix}`)).toBe(true);
  });
});
