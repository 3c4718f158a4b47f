import { isObjectType, Kind, parse, type FieldNode, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import type { EntityRecord, RelationRecord } from "../model/records";
import { RELATION_FIELDS, type RelationFieldSpec } from "../model/relation-fields";
import type { Context } from "./context";
import { createSchema } from "./schema";

/** The field nodes of `{ <field>(first: 3) { node { id name } } }`, as execution would pass them. */
function infoFor(field: string): GraphQLResolveInfo {
  const [operation] = parse(`{ ${field}(first: 3) { node { id name } } }`).definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
  const fieldNodes = operation.selectionSet.selections as FieldNode[];
  return { fieldNodes, fragments: {}, variableValues: {} } as unknown as GraphQLResolveInfo;
}

describe("typed relationship fields", () => {
  it("resolve by the graph service's own promise, each with its own spec, the first asked and the selection's shape", async () => {
    const schema = await createSchema();
    const root = { id: "district-x", kind: "District", name: "某区" } as unknown as EntityRecord;
    for (const spec of RELATION_FIELDS) {
      const calls: unknown[][] = [];
      const answer = Promise.resolve<RelationRecord[]>([]);
      const ctx = {
        services: {
          graph: {
            linked: (...args: unknown[]) => {
              calls.push(args);
              return answer;
            },
          },
        },
      } as unknown as Context;
      const type = schema.getType(spec.kind);
      const resolve = isObjectType(type) ? type.getFields()[spec.field]?.resolve : undefined;
      const returned: unknown = resolve?.(root, { first: 3 }, ctx, infoFor(spec.field));
      // The very promise the service returned: no promise of the arguments before it, none after.
      expect(returned, `${spec.kind}.${spec.field}`).toBe(answer);
      expect(calls).toEqual([
        [
          "district-x",
          spec satisfies RelationFieldSpec,
          3,
          { next: [], asOf: undefined, brief: true, names: true, bare: true },
        ],
      ]);
    }
  });
});
