import { describe, expect, it } from "vitest";
import { countFieldName } from "../../src/graphql/relation-fields.resolver";
import { RELATION_FIELDS } from "../../src/model/relation-fields";
import { everyEntity as everyEntityOf, runInProcess } from "../helpers/in-process";

/**
 * Typed relationship fields named in the singular but returning lists were renamed
 * (Carrier.district → Carrier.districts, …). The former names stay for one release, deprecated:
 * this file is where they are still asked for, to show that they answer exactly as the new names
 * (for every entity of the kind, list and count, whatever `first`) and that introspection marks
 * them deprecated with the reason.
 */
async function run(
  source: string,
  variables?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return (await runInProcess(source, variables)).data;
}

type Row = Record<string, unknown>;

const everyEntity = (kind: string, selection: string): Promise<Row[]> =>
  everyEntityOf(selection, kind);

const FORMER = RELATION_FIELDS.filter((spec) => spec.replacedBy !== undefined);
const LINK = `id type direction source target evidenceKind confidence note
  properties { key value } node { id kind name }`;

describe("renamed relationship fields", () => {
  it("are the plural names of the former singular ones", () => {
    expect(FORMER.map((spec) => `${spec.kind}.${spec.field} → ${spec.replacedBy ?? ""}`)).toEqual([
      "ResearchInstitute.university → universities",
      "TechnologyRoadmap.industry → industries",
      "Project.owner → owners",
      "Carrier.district → districts",
      "Carrier.university → universities",
      "Platform.owner → owners",
      "Event.location → locations",
    ]);
  });

  it.each(FORMER.map((spec) => [`${spec.kind}.${spec.field}`, spec] as const))(
    "%s answers exactly as its new name, for every entity of the kind",
    async (_name, spec) => {
      const [now, former] = [spec.replacedBy ?? "", spec.field];
      const both = (alias: string, field: string): string => `
        ${alias}All: ${field}(first: 1000) { ${LINK} }
        ${alias}Default: ${field} { ${LINK} }
        ${alias}One: ${field}(first: 1) { ${LINK} }
        ${alias}Count: ${countFieldName(field)}`;
      const rows = await everyEntity(
        spec.kind,
        `... on ${spec.kind} { ${both("now", now)} ${both("former", former)} }`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const id = String(row.id);
        for (const part of ["All", "Default", "One", "Count"]) {
          expect(row[`former${part}`], `${id}.${former} ${part}`).toEqual(row[`now${part}`]);
        }
        expect(row.nowCount, id).toBe((row.nowAll as unknown[]).length);
      }
      // Not vacuous: some entity of the kind has what the field lists.
      expect(rows.some((row) => (row.nowAll as unknown[]).length > 0)).toBe(true);
    },
  );

  it("are deprecated by introspection, with the reason, and their counts too", async () => {
    const kinds = [...new Set(FORMER.map((spec) => spec.kind))];
    const types = new Map<string, { name: string; isDeprecated: boolean; reason: unknown }[]>();
    for (const kind of kinds) {
      const data = await run(
        `query ($kind: String!) { __type(name: $kind) {
          fields(includeDeprecated: true) { name isDeprecated reason: deprecationReason } } }`,
        { kind },
      );
      types.set(kind, (data.__type as { fields: never[] }).fields);
    }
    const deprecatedOf = (kind: string) =>
      Object.fromEntries(
        (types.get(kind) ?? [])
          .filter((field) => field.isDeprecated)
          .map((field) => [field.name, field.reason]),
      );
    for (const spec of FORMER) {
      const now = spec.replacedBy ?? "";
      const deprecated = deprecatedOf(spec.kind);
      expect(deprecated[spec.field]).toBe(
        `Use ${now}: it returns a list. Removed in the next release.`,
      );
      expect(deprecated[countFieldName(spec.field)]).toBe(
        `Use ${countFieldName(now)}: it counts ${now}. Removed in the next release.`,
      );
      const fields = new Set((types.get(spec.kind) ?? []).map((field) => field.name));
      expect(fields).toContain(now);
      expect(fields).toContain(countFieldName(now));
      expect(deprecated).not.toHaveProperty(now);
      expect(deprecated).not.toHaveProperty(countFieldName(now));
    }
    // Only the former names are deprecated on these kinds.
    for (const kind of kinds) {
      const former = FORMER.filter((spec) => spec.kind === kind).flatMap((spec) => [
        spec.field,
        countFieldName(spec.field),
      ]);
      expect(Object.keys(deprecatedOf(kind)).sort()).toEqual(former.sort());
    }
    // Without includeDeprecated, the former names are hidden.
    const visible = await run(`{ __type(name: "Carrier") { fields { name } } }`);
    const names = (visible.__type as { fields: { name: string }[] }).fields.map((f) => f.name);
    expect(names).toContain("districts");
    expect(names).not.toContain("district");
    expect(names).not.toContain("districtCount");
  });
});
