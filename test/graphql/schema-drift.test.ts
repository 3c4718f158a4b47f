import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchema, SCHEMA_FILE } from "../../scripts/print-schema";

/** The lines only one side has, marked - (committed) and + (built), in order: a readable diff. */
function changedLines(committed: string, built: string): string[] {
  const before = committed.split("\n");
  const after = built.split("\n");
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  return [
    ...before.filter((line) => !inAfter.has(line)).map((line) => `- ${line}`),
    ...after.filter((line) => !inBefore.has(line)).map((line) => `+ ${line}`),
  ];
}

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` to regenerate it)", async () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    const built = await renderSchema();
    // A failure lists what changed, not just that something did.
    expect(
      changedLines(committed, built).slice(0, 40),
      "schema/schema.graphql is stale: run `npm run schema` and commit it",
    ).toEqual([]);
    expect(built).toBe(committed);
  });
});
