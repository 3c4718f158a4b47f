import { describe, expect, it } from "vitest";
import { RELATION_FIELDS } from "./relation-fields";
import { relationSpec } from "./vocabulary";

const INTERFACE_FIELDS = new Set([
  "id",
  "kind",
  "name",
  "nameEn",
  "nameEnOfficial",
  "nameInferred",
  "aliases",
  "description",
  "evidence",
  "facts",
  "relations",
]);

describe("the typed relationship fields", () => {
  it("follow only types of the vocabulary, from an end the type allows for that kind", () => {
    const wrong: string[] = [];
    for (const field of RELATION_FIELDS) {
      for (const link of field.links) {
        const spec = relationSpec(link.type);
        const ends = link.direction === "OUT" ? spec?.from : spec?.to;
        if (ends === undefined || !ends.includes(field.kind)) {
          wrong.push(`${field.kind}.${field.field} ${link.direction} ${link.type}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("have names unique within a kind that don't shadow the Entity interface", () => {
    const names = RELATION_FIELDS.map((field) => `${field.kind}.${field.field}`);
    expect(new Set(names).size).toBe(names.length);
    expect(RELATION_FIELDS.filter((field) => INTERFACE_FIELDS.has(field.field))).toEqual([]);
  });

  it("have counts whose names no field of the kind already takes", () => {
    const names = new Set(RELATION_FIELDS.map((field) => `${field.kind}.${field.field}`));
    const taken = RELATION_FIELDS.map((field) => `${field.kind}.${field.field}Count`).filter(
      (name) => names.has(name),
    );
    expect(taken).toEqual([]);
  });

  it("name lists in the plural, keeping each former singular name for one release", () => {
    const renames = RELATION_FIELDS.filter((field) => field.replacedBy !== undefined).map(
      (field) => `${field.kind}.${field.field} → ${field.replacedBy ?? ""}`,
    );
    expect(renames).toEqual([
      "ResearchInstitute.university → universities",
      "TechnologyRoadmap.industry → industries",
      "Project.owner → owners",
      "Carrier.district → districts",
      "Carrier.university → universities",
      "Platform.owner → owners",
      "Event.location → locations",
    ]);
    for (const former of RELATION_FIELDS.filter((field) => field.replacedBy !== undefined)) {
      const current = RELATION_FIELDS.find(
        (field) => field.kind === former.kind && field.field === former.replacedBy,
      );
      // The new name follows exactly what the former did, and is not itself deprecated.
      expect(current?.deprecationReason).toBeUndefined();
      expect(current?.replacedBy).toBeUndefined();
      expect(current?.links).toEqual(former.links);
      expect(current?.kinds).toEqual(former.kinds);
      expect(former.deprecationReason).toBe(
        `Use ${former.replacedBy ?? ""}: it returns a list. Removed in the next release.`,
      );
    }
  });

  it("include the fields clients depend on", () => {
    const names = new Set(RELATION_FIELDS.map((field) => `${field.kind}.${field.field}`));
    for (const name of [
      "University.coBuiltInstitutes",
      "ResearchInstitute.coBuilders",
      "District.carriers",
      "Project.leads",
      "Project.participants",
      "Industry.roadmaps",
      "Industry.upstream",
      "Person.positions",
      "Policy.parts",
    ]) {
      expect(names).toContain(name);
    }
  });
});
