import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../model/records";
import type { EntityKind } from "../model/vocabulary";
import { EntityRefs } from "./entity-refs";
import type { GraphService } from "./graph.service";
import type { LookupService } from "./lookup.service";

function entity(id: string, kind: EntityKind, name: string): EntityRecord {
  return {
    id,
    kind,
    name,
    nameEn: null,
    nameEnOfficial: null,
    nameInferred: false,
    aliases: [],
    description: null,
    citations: [],
    chainPosition: null,
  };
}

/** Refs over a fixed name table: what lookup would answer for each name. */
function refsOver(names: Record<string, EntityRecord[]>): EntityRefs {
  const lookup = {
    lookup: (name: string) =>
      Promise.resolve({ name, matches: names[name] ?? [], suggestions: [] }),
  } as unknown as LookupService;
  const graph = { entity: () => Promise.resolve(null) } as unknown as GraphService;
  return new EntityRefs(graph, lookup);
}

describe("EntityRefs", () => {
  const gaoxin = entity("gaoxin-district", "District", "高新区");
  const gaoxinZone = entity("gaoxin-zone-carrier", "Carrier", "高新区");
  const refs = refsOver({ 高新区: [gaoxin, gaoxinZone] });

  it("settles a name shared by entities of several kinds by the kind the argument expects", async () => {
    expect(await refs.filterId("高新区", "filter.district", ["District"])).toBe("gaoxin-district");
  });

  it("refuses a name shared by several entities, listing each as a candidate", async () => {
    await expect(refs.idOf({ name: "高新区" }, { id: "id", name: "name" })).rejects.toMatchObject({
      extensions: {
        code: "BAD_USER_INPUT",
        argumentName: "name",
        candidates: [
          { id: "gaoxin-district", name: "高新区", kind: "District" },
          { id: "gaoxin-zone-carrier", name: "高新区", kind: "Carrier" },
        ],
      },
    });
  });
});
