import { describe, expect, it } from "vitest";
import neo4j from "neo4j-driver";
import { toPlain } from "./values";

describe("toPlain", () => {
  it("converts driver values inside plain maps and lists", () => {
    const node = new neo4j.types.Node(neo4j.int(1), ["Entity"], { id: "a", n: neo4j.int(3) });
    const relationship = new neo4j.types.Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(3),
      "CO_BUILT",
      { id: "a|CO_BUILT|b" },
    );
    const value = {
      count: neo4j.int(42),
      when: new neo4j.types.Date(2026, 11, 27),
      items: [{ node, relationship }, null, "text", 1.5, true],
    };
    expect(toPlain(value)).toEqual({
      count: 42,
      when: "2026-11-27",
      items: [
        {
          node: { labels: ["Entity"], id: "a", n: 3 },
          relationship: { type: "CO_BUILT", id: "a|CO_BUILT|b" },
        },
        null,
        "text",
        1.5,
        true,
      ],
    });
  });

  it("converts the driver's maps and lists in place, without copying them", () => {
    const items = [{ id: "a", count: neo4j.int(2) }, "b"];
    const map = { items, name: "电子科大" };
    const plain = toPlain(map);
    expect(plain).toBe(map);
    expect((plain as { items: unknown }).items).toBe(items);
    expect(map).toEqual({ items: [{ id: "a", count: 2 }, "b"], name: "电子科大" });
  });
});
