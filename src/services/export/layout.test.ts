import { describe, expect, it } from "vitest";
import type { Entity, SeedSet } from "../../seeds/types";
import { layOut } from "./layout";
import type { ExportedSet } from "./records";

// FIXTURE: fictional entities; only their ids, kinds and files matter here.
function entity(id: string, description?: string): Entity {
  return {
    id,
    kind: "District",
    name: `测试${id}`,
    aliases: [],
    laterNames: [],
    mentions: [{ doc: "fixture-doc", quote: `测试${id}`, start: 0 }],
    facts: [],
    ...(description === undefined ? {} : { description }),
  };
}

const set: ExportedSet = {
  documents: [],
  entities: [entity("a"), entity("b", "edited"), entity("c")],
  relationships: [
    {
      source: "c",
      type: "LOCATED_IN",
      target: "a",
      evidence: [],
      evidenceKind: "curated",
      confidence: 1,
    },
  ],
  records: undefined,
};

// The committed files: b before a, written without laterNames (a default of the schema).
const reference: SeedSet = {
  documents: [],
  entities: [
    { file: "entities/zone.json", index: 0, record: { ...entity("b"), laterNames: undefined } },
    { file: "entities/zone.json", index: 1, record: { ...entity("a"), laterNames: undefined } },
    { file: "entities/gone.json", index: 0, record: entity("z") },
  ],
  relationships: [],
};

describe("layOut", () => {
  it("keeps committed files, order and unchanged forms; appends new records to their family", () => {
    const files = layOut(set, reference);
    expect([...files.keys()]).toEqual([
      "documents.json",
      "entities/gone.json",
      "entities/places.json",
      "entities/zone.json",
      "relationships/places.json",
    ]);
    // a is unchanged: written exactly as committed (no laterNames key); b changed: the export's form.
    expect(files.get("entities/zone.json")).toEqual([
      entity("b", "edited"),
      reference.entities[1]?.record,
    ]);
    expect(files.get("entities/gone.json")).toEqual([]);
    expect(files.get("entities/places.json")).toEqual([entity("c")]);
    expect(files.get("relationships/places.json")).toEqual(set.relationships);
  });

  it("sorts every file by id without a reference", () => {
    const files = layOut({ ...set, entities: [entity("c"), entity("a"), entity("b")] });
    expect(files.get("entities/places.json")).toEqual([entity("a"), entity("b"), entity("c")]);
  });
});
