import { describe, expect, it } from "vitest";
import { countFieldName } from "../../src/graphql/relation-fields.resolver";
import { RELATION_FIELDS } from "../../src/model/relation-fields";
import { everyEntity, runInProcess } from "../helpers/in-process";

/**
 * Entity.relationCount and the typed fields' …Count siblings say how many relationships a list
 * field holds whatever its `first`: checked against the whole lists (first: 1000) for every entity
 * of the seeded graph, every direction and every typed field.
 */
const run = runInProcess;

type Row = Record<string, unknown>;

const lengthOf = (value: unknown): number => (value as unknown[]).length;

describe("relationship counts", () => {
  it("count what relations lists, by direction and by type, for every entity", async () => {
    const rows = await everyEntity(`
      all: relationCount everything: relations(first: 1000) { id }
      out: relationCount(direction: OUT) outList: relations(direction: OUT, first: 1000) { id }
      in: relationCount(direction: IN) inList: relations(direction: IN, first: 1000) { id }
      typed: relationCount(types: [CO_BUILT, PART_OF], direction: OUT)
      typedList: relations(types: [CO_BUILT, PART_OF], direction: OUT, first: 1000) { id }
      some: relationCount(types: [FOCUSES_ON, FOCUSES_ON])
      someList: relations(types: [FOCUSES_ON], first: 1000) { id }`);
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) {
      const id = String(row.id);
      expect(row.all, id).toBe(lengthOf(row.everything));
      expect(row.out, id).toBe(lengthOf(row.outList));
      expect(row.in, id).toBe(lengthOf(row.inList));
      expect(row.typed, id).toBe(lengthOf(row.typedList));
      expect(row.some, id).toBe(lengthOf(row.someList));
    }
    // Not vacuous: most entities have relationships, and some have more than a handful.
    expect(rows.filter((row) => Number(row.all) > 0).length).toBeGreaterThan(150);
    expect(Math.max(...rows.map((row) => Number(row.all)))).toBeGreaterThan(10);
  });

  it("count what each typed field lists, for every entity of its kind", async () => {
    const kinds = [...new Set(RELATION_FIELDS.map((spec) => spec.kind))];
    let nonZero = 0;
    for (const kind of kinds) {
      const specs = RELATION_FIELDS.filter((spec) => spec.kind === kind);
      const selection = `... on ${kind} { ${specs
        .map((spec) => `${spec.field}(first: 1000) { id } ${countFieldName(spec.field)}`)
        .join(" ")} }`;
      for (const row of await everyEntity(selection, kind)) {
        for (const spec of specs) {
          const count = row[countFieldName(spec.field)];
          expect(count, `${String(row.id)}.${spec.field}`).toBe(lengthOf(row[spec.field]));
          if (Number(count) > 0) nonZero += 1;
        }
      }
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it("tell a cut list from a whole one", async () => {
    const { data } = await run(`{ entity(id: "shuangliu-county") { ... on District {
      coBuilt(first: 2) { id } coBuiltCount relations(first: 1) { id } relationCount } } }`);
    expect(data.entity).toMatchObject({ coBuiltCount: 4, relationCount: 5 });
    expect((data.entity as { coBuilt: unknown[] }).coBuilt).toHaveLength(2);
  });

  it("are read in one query for a whole level of a list, whatever fields ask", async () => {
    const page = `{ universities(first: 100) { nodes { id relationCount
      out: relationCount(direction: OUT) ... on University { coBuiltInstitutesCount unitsCount } } } }`;
    const { trips, data } = await run(page);
    const nodes = (data.universities as { nodes: Row[] }).nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    // The page, then the counts of its entities.
    expect(trips).toBe(2);
    expect(nodes.some((node) => Number(node.coBuiltInstitutesCount) > 0)).toBe(true);
  });
});
